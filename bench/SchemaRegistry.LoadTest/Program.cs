using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Registration load: C clients, each owning S subjects that already hold V versions at BACKWARD_TRANSITIVE; for D
// seconds every client registers the next version of its subjects in turn (a new optional property on a closed
// object, so every registration is compatible with all earlier versions and is a real write). Prints one JSON line.
var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Url),
    Timeout = TimeSpan.FromSeconds(60),
};
var run = Guid.NewGuid().ToString("N")[..8];

// Seeding: V versions per subject, clients in parallel.
var seedWatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
{
    for (var s = 0; s < options.SubjectsPerClient; s++)
    {
        var subject = Subject(run, client, s);
        await Send(http, HttpMethod.Put, $"/config/{subject}", """{"compatibility":"BACKWARD_TRANSITIVE"}""");
        for (var v = 1; v <= options.SeedVersions; v++) await Register(http, subject, Schema(client, v));
    }
}));
seedWatch.Stop();

// Load.
var latencies = new List<double>[options.Clients];
var errors = 0L;
var stop = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
{
    var mine = latencies[client] = new List<double>(4096);
    var next = new int[options.SubjectsPerClient];
    Array.Fill(next, options.SeedVersions + 1);
    for (var i = 0; stop.Elapsed < deadline; i++)
    {
        var s = i % options.SubjectsPerClient;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Register(http, Subject(run, client, s), Schema(client, next[s]++));
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
        }
    }
}));
stop.Stop();

var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p / 100 * all.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"registrations":{{all.Length}},"seconds":{{stop.Elapsed.TotalSeconds:F2}},"per_second":{{all.Length / stop.Elapsed.TotalSeconds:F1}},"errors":{{errors}},"p50_ms":{{Percentile(50):F2}},"p99_ms":{{Percentile(99):F2}},"clients":{{options.Clients}},"subjects":{{options.Clients * options.SubjectsPerClient}},"seed_versions":{{options.SeedVersions}},"seed_seconds":{{seedWatch.Elapsed.TotalSeconds:F1}}}"""));
return errors == 0 ? 0 : 1;

static string Subject(string run, int client, int s) => $"load-{run}-{client}-{s}";

// Version v of client c: a closed object with properties c_0..c_v (optional), so each version only adds.
static string Schema(int client, int version)
{
    var properties = string.Join(",", Enumerable.Range(0, version).Select(p => $"\"c{client}_{p}\":{{\"type\":\"string\"}}"));
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

internal sealed record Options(string Url, int Clients, int SubjectsPerClient, int SeedVersions, int Seconds)
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
            int.Parse(Get("--seconds", "10"), CultureInfo.InvariantCulture));
    }
}
