using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Registration load: C clients, each owning S subjects that already hold V versions at BACKWARD_TRANSITIVE; for D
// seconds every client registers the next version of its subjects in turn (a new optional property on a closed
// object, so every registration is compatible with all earlier versions and is a real write). By default every subject
// has a history of its own (property names carry the subject), so no schema is shared between subjects: each
// registration parses, checks and stores new text, and no cache of earlier work can stand in for it. With
// --histories shared, a client's subjects all go through the same schemas (one schema under many subjects, as with
// per-environment or per-tenant subjects), which the registry's caches can exploit. Prints one JSON line.
var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Url),
    Timeout = TimeSpan.FromSeconds(60),
};
var errors = 0L;

// Warm-up (not measured): the same load on subjects of its own, so the registry's code is compiled at its final tier
// before the clock starts, as wrk's warm-up does for the HTTP loads.
if (options.WarmupSeconds > 0)
{
    var warmup = Guid.NewGuid().ToString("N")[..8];
    await Seed(warmup, Math.Min(options.SubjectsPerClient, 20));
    await Load(warmup, Math.Min(options.SubjectsPerClient, 20), TimeSpan.FromSeconds(options.WarmupSeconds), null);
}

var run = Guid.NewGuid().ToString("N")[..8];
var seedWatch = Stopwatch.StartNew();
await Seed(run, options.SubjectsPerClient);
seedWatch.Stop();

var latencies = new List<double>[options.Clients];
var stop = Stopwatch.StartNew();
await Load(run, options.SubjectsPerClient, TimeSpan.FromSeconds(options.Seconds), latencies);
stop.Stop();

// Seeding: V versions per subject, clients in parallel.
async Task Seed(string run, int subjects) => await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
{
    for (var s = 0; s < subjects; s++)
    {
        var subject = Subject(run, client, s);
        await Send(http, HttpMethod.Put, $"/config/{subject}", """{"compatibility":"BACKWARD_TRANSITIVE"}""");
        for (var v = 1; v <= options.SeedVersions; v++) await Register(http, subject, Schema(run, client, options.SharedHistories ? 0 : s, v));
    }
}));

// Load: every client registers the next version of its subjects in turn until the time is up.
async Task Load(string run, int subjects, TimeSpan duration, List<double>[]? measured)
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
    {
        var mine = new List<double>(4096);
        if (measured is not null) measured[client] = mine;
        var next = new int[subjects];
        Array.Fill(next, options.SeedVersions + 1);
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var s = i % subjects;
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Register(http, Subject(run, client, s), Schema(run, client, options.SharedHistories ? 0 : s, next[s]++));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (HttpRequestException e)
            {
                // The first few reasons go to stderr (stdout carries only the JSON summary).
                if (Interlocked.Increment(ref errors) <= 5) Console.Error.WriteLine(e.Message);
            }
        }
    }));
}

var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p / 100 * all.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"registrations":{{all.Length}},"seconds":{{stop.Elapsed.TotalSeconds:F2}},"per_second":{{all.Length / stop.Elapsed.TotalSeconds:F1}},"errors":{{errors}},"p50_ms":{{Percentile(50):F2}},"p99_ms":{{Percentile(99):F2}},"clients":{{options.Clients}},"subjects":{{options.Clients * options.SubjectsPerClient}},"seed_versions":{{options.SeedVersions}},"histories":"{{(options.SharedHistories ? "shared" : "distinct")}}","seed_seconds":{{seedWatch.Elapsed.TotalSeconds:F1}},"warmup_seconds":{{options.WarmupSeconds}},"versions_after":{{options.SeedVersions + (int)Math.Ceiling(all.Length / (double)(options.Clients * options.SubjectsPerClient))}}}"""));
return errors == 0 ? 0 : 1;

static string Subject(string run, int client, int s) => $"load-{run}-{client}-{s}";

// Version v of a subject: a closed object with optional properties p0..pv named after the run, client and subject, so
// each version only adds and no two subjects (nor two runs) share a schema.
static string Schema(string run, int client, int subject, int version)
{
    var properties = string.Join(",", Enumerable.Range(0, version).Select(p => $"\"r{run}_c{client}_s{subject}_p{p}\":{{\"type\":\"string\"}}"));
    return $"{{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{{{properties}}}}}";
}

static async Task Register(HttpClient http, string subject, string schema)
{
    var body = "{\"schemaType\":\"JSON\",\"schema\":" + System.Text.Json.JsonSerializer.Serialize(schema) + "}";
    await Send(http, HttpMethod.Post, $"/subjects/{subject}/versions", body);
}

static async Task Send(HttpClient http, HttpMethod method, string path, string body)
{
    using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/vnd.schemaregistry.v1+json") };
    using var response = await http.SendAsync(request);
    if (response.StatusCode != HttpStatusCode.OK)
        throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

internal sealed record Options(string Url, int Clients, int SubjectsPerClient, int SeedVersions, int Seconds, bool SharedHistories, int WarmupSeconds)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(Get("--url", "http://localhost:8081"), int.Parse(Get("--clients", "16"), CultureInfo.InvariantCulture),
            int.Parse(Get("--subjects-per-client", "50"), CultureInfo.InvariantCulture), int.Parse(Get("--seed-versions", "10"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "10"), CultureInfo.InvariantCulture), Get("--histories", "distinct") == "shared",
            int.Parse(Get("--warmup-seconds", "0"), CultureInfo.InvariantCulture));
    }
}
