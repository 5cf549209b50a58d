using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    /// <summary>live: a-live (v1, v2 live), b-mixed (v1 deleted, v2 live); c-deleted (all soft-deleted); Zed (live, upper case).</summary>
    private async Task SeedSubjectsAsync()
    {
        await RegisterAsync("a-live", Schema("A1"));
        await RegisterAsync("a-live", Schema("A2"));
        await RegisterAsync("b-mixed", Schema("B1"));
        await RegisterAsync("b-mixed", Schema("B2"));
        await ExecuteAsync(new DeleteVersionCommand("b-mixed", 1, Permanent: false));
        await RegisterAsync("c-deleted", Schema("C1"));
        await ExecuteAsync(new DeleteSubjectCommand("c-deleted", Permanent: false));
        await RegisterAsync("Zed", Schema("Z1"));
    }

    [Fact]
    public async Task Subjects_are_listed_live_with_deleted_or_deleted_only_in_ordinal_order()
    {
        await SeedSubjectsAsync();
        (await SubjectsAsync(new SubjectQuery())).ShouldBe(["Zed", "a-live", "b-mixed"]);
        (await SubjectsAsync(new SubjectQuery(IncludeDeleted: true))).ShouldBe(["Zed", "a-live", "b-mixed", "c-deleted"]);
        // Subjects whose every version is soft deleted (Confluent's deletedOnly): b-mixed still has a live one.
        (await SubjectsAsync(new SubjectQuery(DeletedOnly: true))).ShouldBe(["c-deleted"]);
        (await SubjectsAsync(new SubjectQuery(IncludeDeleted: true, DeletedOnly: true))).ShouldBe(["c-deleted"]);
    }

    [Fact]
    public async Task Subjects_are_filtered_by_prefix_and_paginated()
    {
        foreach (var name in new[] { "app.orders", "app.payments", "app.users", "apple", "ap", "billing", "app" })
        {
            await RegisterAsync(name, Schema(name));
        }
        (await SubjectsAsync(new SubjectQuery(Prefix: "app"))).ShouldBe(["app", "app.orders", "app.payments", "app.users", "apple"]);
        (await SubjectsAsync(new SubjectQuery(Prefix: "app."))).ShouldBe(["app.orders", "app.payments", "app.users"]);
        (await SubjectsAsync(new SubjectQuery(Prefix: "App"))).ShouldBeEmpty();
        (await SubjectsAsync(new SubjectQuery(Prefix: "zzz"))).ShouldBeEmpty();
        (await SubjectsAsync(new SubjectQuery(Prefix: ""))).Length.ShouldBe(7);
        (await SubjectsAsync(new SubjectQuery(Offset: 2, Limit: 3))).ShouldBe(["app.orders", "app.payments", "app.users"]);
        (await SubjectsAsync(new SubjectQuery(Prefix: "app", Offset: 4, Limit: 10))).ShouldBe(["apple"]);
        (await SubjectsAsync(new SubjectQuery(Offset: 100))).ShouldBeEmpty();
        (await SubjectsAsync(new SubjectQuery(Limit: 0))).ShouldBeEmpty();
        (await SubjectsAsync(new SubjectQuery(Limit: -1))).Length.ShouldBe(7);
    }

    [Fact]
    public async Task A_prefix_matches_non_ascii_subjects_exactly()
    {
        foreach (var name in new[] { "café.orders", "café.menu", "cafè", "cafe", "caféz", "日本.注文", "日本語" })
        {
            await RegisterAsync(name, Schema(name));
        }
        (await SubjectsAsync(new SubjectQuery(Prefix: "café"))).ShouldBe(["café.menu", "café.orders", "caféz"]);
        (await SubjectsAsync(new SubjectQuery(Prefix: "日本"))).ShouldBe(["日本.注文", "日本語"]);
        (await SubjectsAsync(new SubjectQuery(Prefix: "日本."))).ShouldBe(["日本.注文"]);
    }

    [Fact]
    public async Task Versions_are_listed_across_subjects_by_subject_then_version()
    {
        await SeedSubjectsAsync();
        static (string, int, bool)[] Keys(IReadOnlyList<StoredVersion> versions) => versions.Select(v => (v.Subject, v.Version, v.Deleted)).ToArray();

        Keys(await Store.ListVersionsAsync(new VersionQuery(), None)).ShouldBe(
            [("Zed", 1, false), ("a-live", 1, false), ("a-live", 2, false), ("b-mixed", 2, false)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(IncludeDeleted: true), None)).ShouldBe(
            [("Zed", 1, false), ("a-live", 1, false), ("a-live", 2, false), ("b-mixed", 1, true), ("b-mixed", 2, false), ("c-deleted", 1, true)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(SubjectPrefix: "a-"), None)).ShouldBe(
            [("a-live", 1, false), ("a-live", 2, false)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(Offset: 1, Limit: 2), None)).ShouldBe(
            [("a-live", 1, false), ("a-live", 2, false)]);

        var all = await Store.ListVersionsAsync(new VersionQuery(), None);
        all[1].Schema.Text.ShouldBe(Schema("A1"));
        all[2].Schema.Text.ShouldBe(Schema("A2"));
    }

    [Fact]
    public async Task Latest_only_lists_each_subjects_highest_admitted_version()
    {
        await SeedSubjectsAsync();
        await RegisterAsync("d-top-deleted", Schema("D1"));
        await RegisterAsync("d-top-deleted", Schema("D2"));
        await ExecuteAsync(new DeleteVersionCommand("d-top-deleted", 2, Permanent: false));
        static (string, int)[] Keys(IReadOnlyList<StoredVersion> versions) => versions.Select(v => (v.Subject, v.Version)).ToArray();

        Keys(await Store.ListVersionsAsync(new VersionQuery(LatestOnly: true), None)).ShouldBe(
            [("Zed", 1), ("a-live", 2), ("b-mixed", 2), ("d-top-deleted", 1)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(LatestOnly: true, IncludeDeleted: true), None)).ShouldBe(
            [("Zed", 1), ("a-live", 2), ("b-mixed", 2), ("c-deleted", 1), ("d-top-deleted", 2)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(LatestOnly: true, SubjectPrefix: "b", Limit: 1), None)).ShouldBe([("b-mixed", 2)]);
        Keys(await Store.ListVersionsAsync(new VersionQuery(LatestOnly: true, Offset: 3), None)).ShouldBe([("d-top-deleted", 1)]);
    }

    [Fact]
    public async Task Usages_list_every_subject_version_of_a_schema_id()
    {
        var text = Schema("Shared");
        var id = (await RegisterAsync("b", text)).SchemaId;
        await RegisterAsync("a", Schema("Other"));
        await RegisterAsync("a", text);
        await RegisterAsync("c", text);
        await ExecuteAsync(new DeleteVersionCommand("c", 1, Permanent: false));

        (await Store.GetUsagesAsync(id, false, None)).ShouldBe([new SubjectVersionRef("a", 2, false), new SubjectVersionRef("b", 1, false)]);
        (await Store.GetUsagesAsync(id, true, None)).ShouldBe(
            [new SubjectVersionRef("a", 2, false), new SubjectVersionRef("b", 1, false), new SubjectVersionRef("c", 1, true)]);
        (await Store.GetUsagesAsync(id + 1000, true, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Referrers_are_the_versions_whose_references_name_the_target()
    {
        await RegisterAsync("common", Schema("Common v1"));
        await RegisterAsync("common", Schema("Common v2"));
        await RegisterAsync("orders", Schema("Order"), [Ref("common.json", "common", 1)]);
        await RegisterAsync("invoices", Schema("Invoice"), [Ref("c.json", "common", 1), Ref("c2.json", "common", 1)]);
        await RegisterAsync("users", Schema("User"), [Ref("common.json", "common", 2)]);
        await RegisterAsync("archive", Schema("Archive"), [Ref("common.json", "common", 1)]);
        await ExecuteAsync(new DeleteVersionCommand("archive", 1, Permanent: false));

        var live = await Store.GetReferrersAsync("common", 1, false, None);
        live.Select(v => (v.Subject, v.Version)).ShouldBe([("invoices", 1), ("orders", 1)]);
        live[1].Schema.Text.ShouldBe(Schema("Order"));
        live[1].Schema.References.ShouldBe([Ref("common.json", "common", 1)]);

        (await Store.GetReferrersAsync("common", 1, true, None)).Select(v => (v.Subject, v.Deleted)).ShouldBe(
            [("archive", true), ("invoices", false), ("orders", false)]);
        (await Store.GetReferrersAsync("common", 2, false, None)).ShouldHaveSingleItem().Subject.ShouldBe("users");
        (await Store.GetReferrersAsync("common", 3, true, None)).ShouldBeEmpty();
        (await Store.GetReferrersAsync("orders", 1, true, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_version_of_a_schema_with_references_is_a_referrer()
    {
        var references = new[] { Ref("common.json", "common", 1) };
        await RegisterAsync("common", Schema("Common"));
        await RegisterAsync("a", Schema("Uses common"), references);
        await RegisterAsync("b", Schema("Uses common"), references); // same content, same id, another version row
        (await Store.GetReferrersAsync("common", 1, false, None)).Select(v => v.Subject).ShouldBe(["a", "b"]);
    }
}
