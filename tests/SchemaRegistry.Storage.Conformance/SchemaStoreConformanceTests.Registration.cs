using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    [Fact]
    public async Task A_new_store_is_ready_and_empty()
    {
        Store.IsReady.ShouldBeTrue();
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(0);
        (await Store.GetSchemaAsync(1, None)).ShouldBeNull();
        (await Store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBeEmpty();
        (await Store.ListVersionsAsync(new VersionQuery(IncludeDeleted: true), None)).ShouldBeEmpty();
        (await Store.GetMaxVersionAsync("orders-value", None)).ShouldBe(0);
        (await Store.GetVersionAsync("orders-value", 1, None)).ShouldBeNull();
        (await Store.GetVersionsAsync("orders-value", true, None)).ShouldBeEmpty();
        (await Store.GetUsagesAsync(1, true, None)).ShouldBeEmpty();
        (await Store.GetReferrersAsync("orders-value", 1, true, None)).ShouldBeEmpty();
        (await Store.GetConfigAsync(null, None)).ShouldBeNull();
        (await Store.GetModeAsync(null, None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_registered_version_reads_back_with_everything_it_was_given()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var text = Schema("Order");
        var metadata = Metadata("Orders placed in the shop", "team-orders", ["pii", "Billing"],
            new Dictionary<string, string> { ["jira"] = "ORD-1", ["tier"] = "gold" });
        var registered = await ExecuteAsync(Command("shop.Order", text, 0, metadata: metadata, state: VersionState.Draft, semver: "1.2.3"));
        var after = DateTimeOffset.UtcNow.AddSeconds(5);

        registered.Version.ShouldBe(1);
        registered.SchemaId.ShouldBeGreaterThan(0);

        var schema = (await Store.GetSchemaAsync(registered.SchemaId, None)).ShouldNotBeNull();
        schema.Id.ShouldBe(registered.SchemaId);
        schema.SchemaType.ShouldBe(Json);
        schema.Text.ShouldBe(text);
        schema.Fingerprint.ShouldBe(Fingerprint(text));
        schema.References.ShouldBeEmpty();

        var version = (await Store.GetVersionAsync("shop.Order", 1, None)).ShouldNotBeNull();
        version.Subject.ShouldBe("shop.Order");
        version.Version.ShouldBe(1);
        version.Schema.Id.ShouldBe(schema.Id);
        version.Schema.Text.ShouldBe(schema.Text);
        version.Schema.Fingerprint.ShouldBe(schema.Fingerprint);
        version.Semver.ShouldBe("1.2.3");
        version.State.ShouldBe(VersionState.Draft);
        version.SunsetAt.ShouldBeNull();
        version.Deleted.ShouldBeFalse();
        version.CreatedAt.ShouldBeInRange(before, after);
        version.Metadata.Description.ShouldBe("Orders placed in the shop");
        version.Metadata.Owner.ShouldBe("team-orders");
        version.Metadata.Tags.ShouldBe(["pii", "Billing"]);
        version.Metadata.Properties.Count.ShouldBe(2);
        version.Metadata.Properties["jira"].ShouldBe("ORD-1");
        version.Metadata.Properties["tier"].ShouldBe("gold");

        (await Store.GetVersionsAsync("shop.Order", false, None)).ShouldHaveSingleItem().ShouldBe(version, new StoredVersionComparer());
        (await Store.GetMaxVersionAsync("shop.Order", None)).ShouldBe(1);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(registered.SchemaId);
        (await Store.FindSchemaAsync(Json, Fingerprint(text), [], None)).ShouldNotBeNull().Id.ShouldBe(registered.SchemaId);
    }

    [Fact]
    public async Task Empty_metadata_reads_back_as_empty_collections_not_null()
    {
        await RegisterAsync("plain", Schema("Plain"));
        var version = (await Store.GetVersionAsync("plain", 1, None)).ShouldNotBeNull();
        version.Metadata.Description.ShouldBeNull();
        version.Metadata.Owner.ShouldBeNull();
        version.Metadata.Tags.ShouldNotBeNull().ShouldBeEmpty();
        version.Metadata.Properties.ShouldNotBeNull().ShouldBeEmpty();
        version.Schema.References.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public async Task Versions_are_numbered_from_one_without_gaps()
    {
        for (var i = 1; i <= 5; i++) (await RegisterAsync("orders-value", Schema($"Order{i}"))).Version.ShouldBe(i);
        (await VersionNumbersAsync("orders-value")).ShouldBe([1, 2, 3, 4, 5]);
        (await Store.GetMaxVersionAsync("orders-value", None)).ShouldBe(5);
    }

    [Fact]
    public async Task The_same_content_gets_the_same_id_in_every_subject()
    {
        var text = Schema("Shared");
        var first = await RegisterAsync("a-value", text);
        var second = await RegisterAsync("b-value", text);
        var third = await RegisterAsync("a-value", text); // a second version of the same subject, same content

        second.SchemaId.ShouldBe(first.SchemaId);
        third.SchemaId.ShouldBe(first.SchemaId);
        third.Version.ShouldBe(2);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(first.SchemaId);
        (await Store.GetUsagesAsync(first.SchemaId, false, None)).ShouldBe(
            [new SubjectVersionRef("a-value", 1, false), new SubjectVersionRef("a-value", 2, false), new SubjectVersionRef("b-value", 1, false)]);
    }

    [Fact]
    public async Task Different_references_or_formats_give_different_ids()
    {
        var text = Schema("Envelope");
        var none = await RegisterAsync("s1", text);
        var refV1 = await RegisterAsync("s2", text, [Ref("item.json", "item", 1)]);
        var refV2 = await RegisterAsync("s3", text, [Ref("item.json", "item", 2)]);
        var otherName = await RegisterAsync("s4", text, [Ref("other.json", "item", 1)]);
        var twoRefs = await RegisterAsync("s5", text, [Ref("item.json", "item", 1), Ref("other.json", "item", 1)]);
        var swapped = await RegisterAsync("s6", text, [Ref("other.json", "item", 1), Ref("item.json", "item", 1)]);
        var avro = await RegisterAsync("s7", text, schemaType: Avro);
        var refV1Again = await RegisterAsync("s8", text, [Ref("item.json", "item", 1)]);

        long[] ids = [none.SchemaId, refV1.SchemaId, refV2.SchemaId, otherName.SchemaId, twoRefs.SchemaId, swapped.SchemaId, avro.SchemaId];
        ids.Distinct().Count().ShouldBe(ids.Length);
        refV1Again.SchemaId.ShouldBe(refV1.SchemaId);

        (await Store.FindSchemaAsync(Json, Fingerprint(text), [], None)).ShouldNotBeNull().Id.ShouldBe(none.SchemaId);
        (await Store.FindSchemaAsync(Json, Fingerprint(text), [Ref("item.json", "item", 2)], None)).ShouldNotBeNull().Id.ShouldBe(refV2.SchemaId);
        (await Store.FindSchemaAsync(Avro, Fingerprint(text), [], None)).ShouldNotBeNull().Id.ShouldBe(avro.SchemaId);
        (await Store.FindSchemaAsync(Json, Fingerprint(text), [Ref("item.json", "item", 3)], None)).ShouldBeNull();
        (await Store.FindSchemaAsync(Json, Fingerprint("nothing"), [], None)).ShouldBeNull();
    }

    [Fact]
    public async Task References_read_back_in_declaration_order()
    {
        var references = new[] { Ref("z.json", "zeta", 3), Ref("a.json", "alpha", 1), Ref("m.json", "mu", 2) };
        var registered = await RegisterAsync("composite", Schema("Composite"), references);
        (await Store.GetSchemaAsync(registered.SchemaId, None)).ShouldNotBeNull().References.ShouldBe(references);
        (await Store.GetVersionAsync("composite", 1, None)).ShouldNotBeNull().Schema.References.ShouldBe(references);
    }

    [Fact]
    public async Task Schema_ids_are_never_reused_after_a_permanent_delete()
    {
        var a = Schema("A");
        var first = await RegisterAsync("s", a);
        await ExecuteAsync(new DeleteVersionCommand("s", 1, Permanent: false));
        await ExecuteAsync(new DeleteVersionCommand("s", 1, Permanent: true));

        // The schema row outlives its versions: content-addressed, and its id may be in serialized records.
        (await Store.GetSchemaAsync(first.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(a);
        (await Store.GetUsagesAsync(first.SchemaId, true, None)).ShouldBeEmpty();

        var b = await RegisterAsync("s", Schema("B"));
        b.SchemaId.ShouldBeGreaterThan(first.SchemaId);
        b.Version.ShouldBe(1);

        var again = await RegisterAsync("t", a);
        again.SchemaId.ShouldBe(first.SchemaId);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(b.SchemaId);
    }

    [Fact]
    public async Task Version_numbers_continue_after_a_soft_delete()
    {
        await RegisterAsync("s", Schema("V1"));
        await RegisterAsync("s", Schema("V2"));
        await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false));

        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(2);
        (await RegisterAsync("s", Schema("V3"))).Version.ShouldBe(3);

        // Even with every version soft-deleted, numbering counts the deleted rows.
        await ExecuteAsync(new DeleteSubjectCommand("s", Permanent: false));
        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(3);
        (await RegisterAsync("s", Schema("V4"))).Version.ShouldBe(4);
    }

    [Fact]
    public async Task A_permanently_deleted_top_version_no_longer_counts_for_numbering()
    {
        await RegisterAsync("s", Schema("V1"));
        await RegisterAsync("s", Schema("V2"));
        await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false));
        await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: true));

        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(1);
        (await RegisterAsync("s", Schema("V2b"))).Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_expected_latest_version_is_a_write_conflict_and_writes_nothing()
    {
        await ExecuteAsync(Command("s", Schema("V1"), 0));
        var maxId = await Store.GetMaxSchemaIdAsync(None);
        var stale = Schema("Stale");

        await ShouldBeRefusedAsync(ErrorCode.WriteConflict, () => ExecuteAsync(Command("s", stale, 0)));
        await ShouldBeRefusedAsync(ErrorCode.WriteConflict, () => ExecuteAsync(Command("s", stale, 2)));
        await ShouldBeRefusedAsync(ErrorCode.WriteConflict, () => ExecuteAsync(Command("new-subject", stale, 1)));

        (await VersionNumbersAsync("s")).ShouldBe([1]);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(maxId);
        (await Store.FindSchemaAsync(Json, Fingerprint(stale), [], None)).ShouldBeNull();
        (await Store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBe(["s"]);

        (await ExecuteAsync(Command("s", stale, 1))).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Import_uses_the_explicit_id_and_version()
    {
        var text = Schema("Imported");
        var imported = await ExecuteAsync(Command("legacy", text, 0) with { ExplicitId = 100, ExplicitVersion = 7 });

        imported.ShouldBe(new RegisteredVersion(100, 7));
        (await Store.GetSchemaAsync(100, None)).ShouldNotBeNull().Text.ShouldBe(text);
        (await Store.GetVersionAsync("legacy", 7, None)).ShouldNotBeNull().Schema.Id.ShouldBe(100);
        (await Store.GetMaxVersionAsync("legacy", None)).ShouldBe(7);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(100);

        // Normal registrations continue above the imported numbers.
        var next = await RegisterAsync("legacy", Schema("After import"));
        next.Version.ShouldBe(8);
        next.SchemaId.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Import_below_the_highest_id_fills_a_free_id()
    {
        var high = await ExecuteAsync(Command("a", Schema("High"), 0) with { ExplicitId = 50 });
        var low = await ExecuteAsync(Command("b", Schema("Low"), 0) with { ExplicitId = 10 });
        low.SchemaId.ShouldBe(10);
        high.SchemaId.ShouldBe(50);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(50);
        (await RegisterAsync("c", Schema("Auto"))).SchemaId.ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task An_explicit_version_ignores_the_expected_latest_version()
    {
        await RegisterAsync("s", Schema("V1"));
        (await ExecuteAsync(Command("s", Schema("V5"), expectedLatestVersion: 42) with { ExplicitVersion = 5 })).Version.ShouldBe(5);
        (await ExecuteAsync(Command("s", Schema("V3"), expectedLatestVersion: 0) with { ExplicitVersion = 3 })).Version.ShouldBe(3);
        (await VersionNumbersAsync("s")).ShouldBe([1, 3, 5]);
    }

    [Fact]
    public async Task Import_refuses_an_id_that_holds_other_content()
    {
        await ExecuteAsync(Command("a", Schema("First"), 0) with { ExplicitId = 5 });
        var other = Schema("Other");
        var refusal = await ShouldBeRefusedAsync(ErrorCode.OperationNotPermitted,
            () => ExecuteAsync(Command("b", other, 0) with { ExplicitId = 5 }));
        refusal.Message.ShouldContain("5");
        (await Store.GetSchemaAsync(5, None)).ShouldNotBeNull().Text.ShouldBe(Schema("First"));
        (await Store.GetMaxVersionAsync("b", None)).ShouldBe(0);

        // Same text under another format or other references is other content too.
        await ShouldBeRefusedAsync(ErrorCode.OperationNotPermitted,
            () => ExecuteAsync(Command("b", Schema("First"), 0, schemaType: Avro) with { ExplicitId = 5 }));
        await ShouldBeRefusedAsync(ErrorCode.OperationNotPermitted,
            () => ExecuteAsync(Command("b", Schema("First"), 0, [Ref("x", "x", 1)]) with { ExplicitId = 5 }));
    }

    [Fact]
    public async Task Import_reuses_an_id_that_holds_the_same_content()
    {
        var text = Schema("Same");
        var first = await ExecuteAsync(Command("a", text, 0) with { ExplicitId = 9 });
        var second = await ExecuteAsync(Command("b", text, 0) with { ExplicitId = 9, ExplicitVersion = 3 });
        first.ShouldBe(new RegisteredVersion(9, 1));
        second.ShouldBe(new RegisteredVersion(9, 3));
        (await Store.GetUsagesAsync(9, false, None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Import_of_known_content_under_a_new_id_keeps_both_ids_readable()
    {
        // Decision (as Confluent): IMPORT may give content that already has an id a second id, so records serialized
        // with either id resolve. Lookups by content keep answering the first (canonical) id.
        var text = Schema("Twice");
        var original = await RegisterAsync("a", text);
        var imported = await ExecuteAsync(Command("b", text, 0) with { ExplicitId = original.SchemaId + 100 });

        imported.SchemaId.ShouldBe(original.SchemaId + 100);
        (await Store.GetSchemaAsync(imported.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(text);
        (await Store.GetSchemaAsync(original.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(text);
        (await Store.FindSchemaAsync(Json, Fingerprint(text), [], None)).ShouldNotBeNull().Id.ShouldBe(original.SchemaId);
        (await RegisterAsync("c", text)).SchemaId.ShouldBe(original.SchemaId);
        (await Store.GetVersionAsync("b", 1, None)).ShouldNotBeNull().Schema.Id.ShouldBe(imported.SchemaId);
    }

    [Fact]
    public async Task Import_refuses_a_version_that_already_exists()
    {
        await RegisterAsync("s", Schema("V1"));
        await ExecuteAsync(new DeleteVersionCommand("s", 1, Permanent: false));
        // Soft-deleted rows still hold their number.
        await ShouldBeRefusedAsync(ErrorCode.OperationNotPermitted,
            () => ExecuteAsync(Command("s", Schema("Other"), 1) with { ExplicitVersion = 1 }));
        (await Store.GetVersionAsync("s", 1, None)).ShouldNotBeNull().Schema.Text.ShouldBe(Schema("V1"));
    }

    [Fact]
    public async Task Import_refuses_ids_and_versions_below_one()
    {
        await ShouldBeRefusedAsync(ErrorCode.InvalidVersion, () => ExecuteAsync(Command("s", Schema("X"), 0) with { ExplicitVersion = 0 }));
        var refusal = await Should.ThrowAsync<RegistryException>(() => ExecuteAsync(Command("s", Schema("X"), 0) with { ExplicitId = 0 }));
        refusal.Code.HttpStatus().ShouldBe(422);
        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(0);
    }

    [Fact]
    public async Task Change_state_updates_state_and_sunset_and_returns_the_version()
    {
        await RegisterAsync("s", Schema("V1"), state: VersionState.Active);
        var sunset = new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var deprecated = await ExecuteAsync(new ChangeStateCommand("s", 1, VersionState.Deprecated, sunset));
        deprecated.State.ShouldBe(VersionState.Deprecated);
        deprecated.SunsetAt.ShouldBe(sunset);
        deprecated.Subject.ShouldBe("s");
        deprecated.Version.ShouldBe(1);
        deprecated.Schema.Text.ShouldBe(Schema("V1"));

        var read = (await Store.GetVersionAsync("s", 1, None)).ShouldNotBeNull();
        read.State.ShouldBe(VersionState.Deprecated);
        read.SunsetAt.ShouldBe(sunset);

        var active = await ExecuteAsync(new ChangeStateCommand("s", 1, VersionState.Active, null));
        active.State.ShouldBe(VersionState.Active);
        active.SunsetAt.ShouldBeNull();

        await ShouldBeRefusedAsync(ErrorCode.VersionNotFound, () => ExecuteAsync(new ChangeStateCommand("s", 2, VersionState.Archived, null)));
        await ShouldBeRefusedAsync(ErrorCode.VersionNotFound, () => ExecuteAsync(new ChangeStateCommand("nope", 1, VersionState.Archived, null)));
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_write_before_it_is_applied()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => Store.ExecuteAsync(Command("s", Schema("X"), 0), cancelled.Token).AsTask());
        await Should.ThrowAsync<OperationCanceledException>(() => Store.GetVersionAsync("s", 1, cancelled.Token).AsTask());
        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(0);
        (await Store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBeEmpty();
    }

    /// <summary>Compares versions by value (metadata collections by content).</summary>
    protected sealed class StoredVersionComparer : IEqualityComparer<StoredVersion>
    {
        public bool Equals(StoredVersion? x, StoredVersion? y) =>
            x is not null && y is not null
            && x.Subject == y.Subject && x.Version == y.Version && x.Semver == y.Semver && x.State == y.State
            && x.SunsetAt == y.SunsetAt && x.Deleted == y.Deleted && x.CreatedAt == y.CreatedAt
            && x.Schema.Id == y.Schema.Id && x.Schema.SchemaType == y.Schema.SchemaType && x.Schema.Text == y.Schema.Text
            && x.Schema.Fingerprint == y.Schema.Fingerprint && x.Schema.References.SequenceEqual(y.Schema.References)
            && x.Metadata.Description == y.Metadata.Description
            && x.Metadata.Owner == y.Metadata.Owner
            && x.Metadata.Tags.SequenceEqual(y.Metadata.Tags)
            && x.Metadata.Properties.OrderBy(p => p.Key).SequenceEqual(y.Metadata.Properties.OrderBy(p => p.Key));

        public int GetHashCode(StoredVersion obj) => HashCode.Combine(obj.Subject, obj.Version);
    }
}
