using System.Net;
using SchemaRegistry.Server.Tests.Support;
using SchemaRegistry.Testing;
using Xunit.Abstractions;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Conformance;

/// <summary>
/// Apicurio's JSON Schema compatibility cases through the Confluent API: the original is registered, then the updated
/// schema is checked with <c>POST /compatibility/...</c> under BACKWARD and under FORWARD. The verdicts must agree with
/// Apicurio except for the documented disagreements, exactly as in-process.
/// </summary>
public sealed class ApicurioCompatibilityOverHttpTests(RegistryFixture registry, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    [Fact]
    public async Task Verdicts_over_http_agree_with_apicurio_as_documented()
    {
        var disagreements = new Dictionary<string, string>(StringComparer.Ordinal);
        var cases = ApicurioCompatibilityData.Cases();
        foreach (var @case in cases)
        {
            var subject = $"apicurio-{@case.Index}";
            await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
            await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(@case.Original)).ExpectAsync(HttpStatusCode.OK);
            var backward = await IsCompatibleAsync(subject, "BACKWARD", @case.Updated);
            var forward = await IsCompatibleAsync(subject, "FORWARD", @case.Updated);
            var verdict = (backward, forward) switch
            {
                (true, true) => "both",
                (true, false) => "backward",
                (false, true) => "forward",
                _ => "none",
            };
            if (verdict != @case.Expected) disagreements[@case.Key] = verdict;
        }
        output.WriteLine($"Apicurio agreement over HTTP: {cases.Count - disagreements.Count}/{cases.Count}");
        foreach (var (key, verdict) in disagreements) output.WriteLine($"  {key}: ours {verdict}");
        disagreements.Keys.Order(StringComparer.Ordinal).ShouldBe(ApicurioCompatibilityData.KnownDisagreements.Keys.Order(StringComparer.Ordinal));
    }

    private async Task<bool> IsCompatibleAsync(string subject, string level, string candidate)
    {
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = level })).ExpectAsync(HttpStatusCode.OK);
        var answer = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", JsonSchema(candidate)).ExpectAsync(HttpStatusCode.OK);
        return answer["is_compatible"]!.GetValue<bool>();
    }
}
