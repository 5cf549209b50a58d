using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Durability;

/// <summary>
/// A registration acknowledged with 200 survives kill -9: the server is killed in the middle of a registration loop,
/// restarted on the same data directory, and every acknowledged registration is found with the same id and version.
/// </summary>
public sealed class KillDuringRegistrationTests
{
    private sealed record Acknowledged(string Subject, int Version, long Id, string Schema);

    [Fact]
    public async Task Every_acknowledged_registration_survives_SIGKILL()
    {
        var server = await ServerProcess.StartAsync();
        var acknowledged = new ConcurrentBag<Acknowledged>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
            var subject = $"durable-{w}-{Guid.NewGuid():N}";
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // Each version adds an optional property to a closed object: compatible, so every registration is a new version.
                var properties = string.Join(",", Enumerable.Range(0, i + 1).Select(p => $"\"p{p}\":{{\"type\":\"string\"}}"));
                var schema = $"{{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{{{properties}}}}}";
                var body = new JsonObject { ["schemaType"] = "JSON", ["schema"] = schema }.ToJsonString();
                try
                {
                    using var response = await client.PostAsync($"/subjects/{subject}/versions", new StringContent(body, Encoding.UTF8, "application/json"));
                    if (response.StatusCode != HttpStatusCode.OK) continue;
                    var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    acknowledged.Add(new Acknowledged(subject, answer["version"]!.GetValue<int>(), answer["id"]!.GetValue<long>(), schema));
                }
                catch (HttpRequestException) { return; } // the server is gone
                catch (TaskCanceledException) { return; }
            }
        })).ToArray();

        // Let the loop run, then pull the plug in the middle of it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count < 150 && DateTime.UtcNow < deadline) await Task.Delay(20);
        server.KillHard();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        acknowledged.Count.ShouldBeGreaterThan(0, server.Output);

        await using var restarted = await ServerProcess.StartAsync(server.DataDirectory);
        using var reader = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
        foreach (var ack in acknowledged)
        {
            using var response = await reader.GetAsync($"/subjects/{ack.Subject}/versions/{ack.Version}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{ack.Subject} v{ack.Version} was acknowledged but is gone: {text}");
            var version = JsonNode.Parse(text)!;
            version["id"]!.GetValue<long>().ShouldBe(ack.Id);
            JsonNode.DeepEquals(JsonNode.Parse(version["schema"]!.GetValue<string>()), JsonNode.Parse(ack.Schema)).ShouldBeTrue();
        }
        // Versions have no gaps: each subject's versions are 1..N.
        foreach (var subject in acknowledged.Select(a => a.Subject).Distinct())
        {
            var versions = JsonNode.Parse(await reader.GetStringAsync($"/subjects/{subject}/versions"))!.AsArray().Select(v => v!.GetValue<int>()).ToList();
            versions.ShouldBe(Enumerable.Range(1, versions.Count).ToList());
        }
        restarted.KillHard();
        restarted.DeleteData();
    }
}
