using System.Net;
using SchemaRegistry.Server.Tests.Support;
using SchemaRegistry.Testing;
using Xunit.Abstractions;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Avro;

/// <summary>
/// Avro's reader/writer suite and Apicurio's Avro cases through the Confluent API, all of them: the writer (or the
/// original) is registered, the reader (or the update) is checked with <c>POST /compatibility/...</c>; the verdicts
/// must be those of the in-process runs.
/// </summary>
public sealed class AvroConformanceOverHttpTests(RegistryFixture registry, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    [Fact]
    public async Task Every_avro_reader_writer_case_over_http()
    {
        var cases = AvroCompatibilityData.Cases();
        var agreed = 0;
        foreach (var @case in cases)
        {
            var subject = Subject($"avro-case-{@case.Id}");
            await _client.PostAsync($"/subjects/{subject}/versions", Avro(@case.Writer)).ExpectAsync(HttpStatusCode.OK);
            // BACKWARD: the candidate (the reader) must read what the registered writer wrote.
            var compatible = await IsCompatibleAsync(subject, "BACKWARD", @case.Reader);
            compatible.ShouldBe(@case.Compatible, @case.Key);
            agreed++;
        }
        output.WriteLine($"avro-compatibility.json over HTTP: {agreed}/{cases.Count}");
        agreed.ShouldBe(137);
    }

    [Fact]
    public async Task Every_apicurio_avro_case_over_http()
    {
        foreach (var @case in ApicurioAvroCompatibilityData.Cases())
        {
            var subject = Subject($"apicurio-avro-{@case.Index}");
            await _client.PostAsync($"/subjects/{subject}/versions", Avro(@case.Original)).ExpectAsync(HttpStatusCode.OK);
            (await IsCompatibleAsync(subject, "BACKWARD", @case.Updated)).ShouldBe(@case.ExpectBackward, @case.Key);
            (await IsCompatibleAsync(subject, "FORWARD", @case.Updated)).ShouldBe(@case.ExpectForward, @case.Key);
        }
    }

    /// <summary>A Confluent body without schemaType: AVRO, as Confluent clients send it.</summary>
    private static StringContent Avro(string schema) => ConfluentBody(new { schema });

    private async Task<bool> IsCompatibleAsync(string subject, string level, string candidate)
    {
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = level })).ExpectAsync(HttpStatusCode.OK);
        var answer = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest?verbose=true", Avro(candidate)).ExpectAsync(HttpStatusCode.OK);
        return answer["is_compatible"]!.GetValue<bool>();
    }
}
