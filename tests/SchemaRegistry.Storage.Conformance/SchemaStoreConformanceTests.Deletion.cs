using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    [Fact]
    public async Task A_soft_deleted_version_is_hidden_from_live_reads_but_kept()
    {
        await RegisterAsync("s", Schema("V1"));
        await RegisterAsync("s", Schema("V2"));

        (await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false))).ShouldBe(2);

        (await VersionNumbersAsync("s", includeDeleted: false)).ShouldBe([1]);
        var all = await Store.GetVersionsAsync("s", true, None);
        all.Select(v => (v.Version, v.Deleted)).ShouldBe([(1, false), (2, true)]);
        (await Store.GetVersionAsync("s", 2, None)).ShouldNotBeNull().Deleted.ShouldBeTrue();
        (await Store.ListSubjectsAsync(new SubjectQuery(), None)).ShouldBe(["s"]);
    }

    [Fact]
    public async Task A_permanently_deleted_version_is_gone_but_its_schema_stays()
    {
        var base1 = await RegisterAsync("base", Schema("Base"));
        await RegisterAsync("s", Schema("V1"));
        var v2 = await RegisterAsync("s", Schema("V2"), [Ref("base.json", "base", 1)]);
        (await Store.GetReferrersAsync("base", 1, true, None)).ShouldHaveSingleItem().Subject.ShouldBe("s");

        await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false));
        (await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: true))).ShouldBe(2);

        (await Store.GetVersionAsync("s", 2, None)).ShouldBeNull();
        (await VersionNumbersAsync("s")).ShouldBe([1]);
        (await Store.GetReferrersAsync("base", 1, true, None)).ShouldBeEmpty();
        (await Store.GetUsagesAsync(v2.SchemaId, true, None)).ShouldBeEmpty();
        (await Store.GetSchemaAsync(v2.SchemaId, None)).ShouldNotBeNull().References.ShouldBe([Ref("base.json", "base", 1)]);
        (await Store.GetSchemaAsync(base1.SchemaId, None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_store_permanently_deletes_a_live_version_when_asked()
    {
        // The service layer insists on "soft delete first"; the store applies what it is told.
        await RegisterAsync("s", Schema("V1"));
        (await ExecuteAsync(new DeleteVersionCommand("s", 1, Permanent: true))).ShouldBe(1);
        (await Store.GetVersionAsync("s", 1, None)).ShouldBeNull();
        (await Store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_registration_can_move_soft_deleted_copies_of_its_schema_to_the_new_version()
    {
        var a = Schema("moved");
        await RegisterAsync("mover", a);                      // v1 = A
        await RegisterAsync("mover", Schema("other"));        // v2 = B
        await ExecuteAsync(new DeleteVersionCommand("mover", 2, Permanent: false));
        await ExecuteAsync(new DeleteVersionCommand("mover", 1, Permanent: false));
        var again = await Store.ExecuteAsync(Command("mover", a, 2) with { ReplaceSoftDeletedCopies = true }, None);
        again.Version.ShouldBe(3);
        // The soft-deleted copy of A (v1) is gone; B (v2) stays soft deleted.
        (await VersionNumbersAsync("mover")).ShouldBe([2, 3]);
        (await Store.GetVersionAsync("mover", 1, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_a_missing_version_is_version_not_found()
    {
        await RegisterAsync("s", Schema("V1"));
        await ShouldBeRefusedAsync(ErrorCode.VersionNotFound, () => ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false)));
        await ShouldBeRefusedAsync(ErrorCode.VersionNotFound, () => ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: true)));
        await ShouldBeRefusedAsync(ErrorCode.VersionNotFound, () => ExecuteAsync(new DeleteVersionCommand("nope", 1, Permanent: false)));
        (await VersionNumbersAsync("s", includeDeleted: false)).ShouldBe([1]);
    }

    [Fact]
    public async Task Soft_deleting_a_subject_marks_its_live_versions_and_returns_them()
    {
        await RegisterAsync("s", Schema("V1"));
        await RegisterAsync("s", Schema("V2"));
        await RegisterAsync("s", Schema("V3"));
        await ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false));

        (await ExecuteAsync(new DeleteSubjectCommand("s", Permanent: false))).ShouldBe([1, 3]);

        (await Store.GetVersionsAsync("s", false, None)).ShouldBeEmpty();
        (await Store.GetVersionsAsync("s", true, None)).All(v => v.Deleted).ShouldBeTrue();
        (await SubjectsAsync(new SubjectQuery())).ShouldBeEmpty();
        (await SubjectsAsync(new SubjectQuery(IncludeDeleted: true))).ShouldBe(["s"]);

        // Again: nothing live is left to mark.
        (await ExecuteAsync(new DeleteSubjectCommand("s", Permanent: false))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Permanently_deleting_a_subject_removes_its_rows_config_and_mode()
    {
        await RegisterAsync("s", Schema("V1"));
        await RegisterAsync("s", Schema("V2"));
        await RegisterAsync("other", Schema("Other"));
        await ExecuteAsync(new SetConfigCommand("s", new SubjectConfig(CompatibilityLevel.Full, true)));
        await ExecuteAsync(new SetModeCommand("s", RegistryMode.ReadOnly));
        await ExecuteAsync(new SetConfigCommand(null, new SubjectConfig(CompatibilityLevel.None, null)));
        await ExecuteAsync(new SetModeCommand(null, RegistryMode.Import));
        await ExecuteAsync(new DeleteSubjectCommand("s", Permanent: false));

        (await ExecuteAsync(new DeleteSubjectCommand("s", Permanent: true))).ShouldBe([1, 2]);

        (await Store.GetVersionsAsync("s", true, None)).ShouldBeEmpty();
        (await Store.GetMaxVersionAsync("s", None)).ShouldBe(0);
        (await Store.GetConfigAsync("s", None)).ShouldBeNull();
        (await Store.GetModeAsync("s", None)).ShouldBeNull();
        (await SubjectsAsync(new SubjectQuery(IncludeDeleted: true))).ShouldBe(["other"]);
        // The global settings and other subjects are untouched.
        (await Store.GetConfigAsync(null, None)).ShouldBe(new SubjectConfig(CompatibilityLevel.None, null));
        (await Store.GetModeAsync(null, None)).ShouldBe(RegistryMode.Import);
        (await VersionNumbersAsync("other")).ShouldBe([1]);

        // A subject deleted permanently starts again at version 1.
        (await RegisterAsync("s", Schema("Fresh"))).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_subject_without_versions_is_subject_not_found()
    {
        await ShouldBeRefusedAsync(ErrorCode.SubjectNotFound, () => ExecuteAsync(new DeleteSubjectCommand("nope", Permanent: false)));
        await ShouldBeRefusedAsync(ErrorCode.SubjectNotFound, () => ExecuteAsync(new DeleteSubjectCommand("nope", Permanent: true)));

        // A config alone does not make a subject.
        await ExecuteAsync(new SetConfigCommand("configured", new SubjectConfig(CompatibilityLevel.Full, null)));
        await ShouldBeRefusedAsync(ErrorCode.SubjectNotFound, () => ExecuteAsync(new DeleteSubjectCommand("configured", Permanent: true)));
        (await Store.GetConfigAsync("configured", None)).ShouldNotBeNull();
    }
}
