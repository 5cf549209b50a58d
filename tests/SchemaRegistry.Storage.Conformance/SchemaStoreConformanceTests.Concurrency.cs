using System.Collections.Concurrent;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    [Fact]
    public async Task Concurrent_writers_on_distinct_subjects_get_gapless_versions_and_unique_ids()
    {
        const int Writers = 16, PerWriter = 20;
        var results = new ConcurrentBag<(string Subject, int Version, long Id, string Text)>();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var subject = $"writer-{w:D2}";
            for (var i = 0; i < PerWriter; i++)
            {
                var text = Schema($"{subject}-{i}");
                var registered = await Store.ExecuteAsync(Command(subject, text, expectedLatestVersion: i), None);
                results.Add((subject, registered.Version, registered.SchemaId, text));
            }
        })));

        results.Count.ShouldBe(Writers * PerWriter);
        results.Select(r => r.Id).Distinct().Count().ShouldBe(Writers * PerWriter);
        foreach (var group in results.GroupBy(r => r.Subject))
        {
            group.Select(r => r.Version).Order().ShouldBe(Enumerable.Range(1, PerWriter));
            (await VersionNumbersAsync(group.Key)).ShouldBe(Enumerable.Range(1, PerWriter).ToArray());
        }
        foreach (var (subject, version, id, text) in results.Take(25))
        {
            (await Store.GetSchemaAsync(id, None)).ShouldNotBeNull().Text.ShouldBe(text);
            (await Store.GetVersionAsync(subject, version, None)).ShouldNotBeNull().Schema.Id.ShouldBe(id);
        }
        (await Store.ListSubjectsAsync(new SubjectQuery(), None)).Count.ShouldBe(Writers);
        (await Store.GetMaxSchemaIdAsync(None)).ShouldBe(results.Max(r => r.Id));
    }

    [Fact]
    public async Task Concurrent_registrations_of_the_same_content_share_one_id()
    {
        const int Writers = 16;
        var text = Schema("Contended");
        var ids = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            (await Store.ExecuteAsync(Command($"subject-{w:D2}", text, 0), None)).SchemaId)));
        ids.Distinct().ShouldHaveSingleItem();
        (await Store.GetUsagesAsync(ids[0], false, None)).Count.ShouldBe(Writers);
    }

    [Fact]
    public async Task Writers_racing_on_one_subject_retry_and_end_with_versions_one_to_n()
    {
        const int Writers = 8, PerWriter = 10, Total = Writers * PerWriter;
        var versions = new ConcurrentBag<int>();
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var text = Schema($"race-{w}-{i}");
                while (true)
                {
                    var latest = await Store.GetMaxVersionAsync("race", None);
                    try
                    {
                        versions.Add((await Store.ExecuteAsync(Command("race", text, latest), None)).Version);
                        break;
                    }
                    catch (RegistryException refusal) when (refusal.Code == ErrorCode.WriteConflict)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        versions.Order().ShouldBe(Enumerable.Range(1, Total));
        (await VersionNumbersAsync("race")).ShouldBe(Enumerable.Range(1, Total).ToArray());
        var rows = await Store.GetVersionsAsync("race", false, None);
        rows.Select(v => v.Schema.Id).Distinct().Count().ShouldBe(Total);
        rows.Select(v => v.Schema.Text).Distinct().Count().ShouldBe(Total);
        (await Store.GetMaxVersionAsync("race", None)).ShouldBe(Total);
    }

    [Fact]
    public async Task Reads_run_while_writes_are_in_flight()
    {
        await RegisterAsync("stable", Schema("Stable"));
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await Store.ExecuteAsync(Command("busy", Schema($"Busy{i}"), i), None);
            }
        });
        var reads = 0;
        while (!writer.IsCompleted)
        {
            (await Store.GetVersionAsync("stable", 1, None)).ShouldNotBeNull();
            var max = await Store.GetMaxVersionAsync("busy", None);
            (await Store.GetVersionsAsync("busy", false, None)).Count.ShouldBeGreaterThanOrEqualTo(max);
            reads++;
        }
        await writer;
        reads.ShouldBeGreaterThan(0);
        (await Store.GetMaxVersionAsync("busy", None)).ShouldBe(200);
    }
}
