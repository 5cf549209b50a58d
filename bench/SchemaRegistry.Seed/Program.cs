using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Storage.Sqlite;

// Seeds a data directory with subjects "scale-<n>" holding versions 1..V, each a distinct small JSON Schema, written
// through SqliteSchemaStore.ExecuteAsync (the same commands, transactions and group commit as the server), many
// writers at once. The server then opens the directory as it is. Prints one JSON line.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SchemaRegistry.Seed <data-dir> <subjects> <versions-per-subject> [writers]");
    return 2;
}
var directory = args[0];
var subjects = int.Parse(args[1], CultureInfo.InvariantCulture);
var versions = int.Parse(args[2], CultureInfo.InvariantCulture);
var writers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;

await using var store = new SqliteSchemaStore(new SqliteStoreOptions { DataDirectory = directory, MaxBatchSize = 512 });
await store.OpenAsync(CancellationToken.None);
var watch = Stopwatch.StartNew();
var next = -1;
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    for (var subject = Interlocked.Increment(ref next); subject < subjects; subject = Interlocked.Increment(ref next))
    {
        for (var version = 1; version <= versions; version++)
        {
            var text = "{\"type\":\"object\",\"title\":\"scale-" + subject + "\",\"properties\":{\"v" + version + "\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"}}}";
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            await store.ExecuteAsync(new RegisterVersionCommand($"scale-{subject}", "JSON", text, fingerprint, [], $"{version}.0.0",
                VersionState.Active, VersionMetadata.Empty, ExpectedLatestVersion: version - 1), CancellationToken.None);
        }
    }
})));
var stats = store.WriteStatistics;
var maxId = await store.GetMaxSchemaIdAsync(CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"versions":{{(long)subjects * versions}},"seconds":{{watch.Elapsed.TotalSeconds:F1}},"per_second":{{subjects * (double)versions / watch.Elapsed.TotalSeconds:F0}},"commits":{{stats.Commits}},"max_schema_id":{{maxId}}}"""));
return 0;
