using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Subjects;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>The subjects table is derived from versions by the writer; after any mix of writes it must equal the derivation.</summary>
public sealed class SubjectSummaryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_subject_summary_always_matches_the_version_rows()
    {
        await using var store = await OpenAsync(_directory.Path);
        var random = new Random(20240601);
        string[] subjects = ["a", "b.c", "b.c.d", "x.y.Z", ".dot", "e"];
        for (var step = 0; step < 400; step++)
        {
            var subject = subjects[random.Next(subjects.Length)];
            var max = await store.GetMaxVersionAsync(subject, None);
            try
            {
                switch (random.Next(10))
                {
                    case < 5:
                        await store.ExecuteAsync(Register(subject, Schema($"{subject}-{step % 7}"), max), None);
                        break;
                    case < 7 when max > 0:
                        await store.ExecuteAsync(new DeleteVersionCommand(subject, random.Next(1, max + 1), Permanent: false), None);
                        break;
                    case < 9 when max > 0:
                        await store.ExecuteAsync(new DeleteVersionCommand(subject, random.Next(1, max + 1), Permanent: true), None);
                        break;
                    default:
                        await store.ExecuteAsync(new DeleteSubjectCommand(subject, Permanent: random.Next(2) == 0), None);
                        break;
                }
            }
            catch (RegistryException refusal) when (refusal.Code is ErrorCode.VersionNotFound or ErrorCode.SubjectNotFound)
            {
                // Random targets miss sometimes; the invariant must hold regardless.
            }
        }

        using var connection = Connect(store.FilePath);
        var summary = Rows(connection, "SELECT subject, namespace, max_version, latest_live, has_deleted FROM subjects ORDER BY subject");
        var derived = Rows(connection, """
            SELECT subject, max(version), max(CASE WHEN deleted = 0 THEN version END), max(deleted)
            FROM versions GROUP BY subject ORDER BY subject
            """);
        summary.Count.ShouldBeGreaterThan(0);
        summary.Select(r => (r[0], r[2], r[3], r[4])).ShouldBe(derived.Select(r => (r[0], r[1], r[2], r[3])));
        summary.ShouldAllBe(r => (string)r[1]! == SubjectName.Namespace((string)r[0]!));
        (await store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBe(derived.Select(r => (string)r[0]!));
    }
}
