using System.Diagnostics;
using System.Globalization;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

// In-process measurement of what one registration costs the JSON Schema plug-in, on the load tool's schemas (a closed
// object of optional string properties, one more per version): parse of the candidate, one diff, and the whole CPU
// path of a registration at BACKWARD_TRANSITIVE over 10 earlier versions (parse + 10 compatibility diffs + the
// semver diff against the latest, as RegistrationService runs them). Single-threaded, after a warm-up; prints
// wall and process CPU microseconds (CPU is the steadier figure on a shared machine: it counts every thread the
// work runs on, GC included) and bytes allocated per operation.
//   usage: dotnet SchemaRegistry.RegistrationBench.dll [seconds-per-measure=5] [properties=15] [only=all|parse|diff|registration]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var properties = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var only = args.Length > 2 ? args[2] : "all";
var format = new JsonSchemaFormat();
var versions = Enumerable.Range(1, properties + 1).Select(v => Parse(format, Schema(1, v))).ToList();
var candidateText = Schema(1, properties + 1);
var candidate = versions[properties];
var older = versions[properties - 5];
var previous = Enumerable.Range(properties - 10, 10).Select(i => new VersionedSchema(i + 1, versions[i])).ToList();

Measure("parse (candidate, " + (properties + 1) + " properties)", () => Parse(format, candidateText));
Measure($"diff ({properties} vs {properties - 5} properties)", () => versions[properties - 1].DiffFrom(older));
var twin = Parse(format, candidateText);
Measure("diff (identical schemas)", () => candidate.DiffFrom(twin));
Measure("registration CPU (parse + BACKWARD_TRANSITIVE over 10 + semver diff)", () =>
{
    // As RegistrationService runs it: the semver reads the check's diff against the latest when it has one.
    var parsed = Parse(format, candidateText);
    var report = CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, parsed, previous, out var latestChanges);
    if (!report.IsCompatible) throw new InvalidOperationException("expected compatible");
    return latestChanges ?? parsed.DiffFrom(previous[^1].Schema);
});
return;

// Requests run on thread-pool threads: so does the measured work.
void Measure<T>(string name, Func<T> work)
{
    if (only != "all" && !name.StartsWith(only, StringComparison.Ordinal)) return;
    Task.Run(() => MeasureHere(name, work)).GetAwaiter().GetResult();
}

void MeasureHere<T>(string name, Func<T> work)
{
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed < TimeSpan.FromSeconds(Math.Min(2, seconds))) work();
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var gen0 = GC.CollectionCount(0);
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var n = 0;
    while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
    {
        for (var i = 0; i < 10; i++) work();
        n += 10;
    }
    watch.Stop();
    process.Refresh();
    var cpuPerOp = (process.TotalProcessorTime - cpu).TotalMicroseconds / n;
    var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / n;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-75} {watch.Elapsed.TotalMicroseconds / n,9:F1} us/op wall {cpuPerOp,9:F1} us/op cpu {bytes,10:N0} B/op  gen0 {GC.CollectionCount(0) - gen0,5}  n={n}"));
}

static IParsedSchema Parse(JsonSchemaFormat format, string text)
{
    var result = format.Parse(SchemaParseRequest.Of(text));
    return result.Schema ?? throw new InvalidOperationException(result.Error);
}

// The load tool's version v of client c (bench/SchemaRegistry.LoadTest).
static string Schema(int client, int version)
{
    var properties = string.Join(",", Enumerable.Range(0, version).Select(p => $"\"c{client}_{p}\":{{\"type\":\"string\"}}"));
    return $"{{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{{{properties}}}}}";
}
