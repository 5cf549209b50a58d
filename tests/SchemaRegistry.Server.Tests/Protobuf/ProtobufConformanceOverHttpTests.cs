using System.Net;
using SchemaRegistry.Server.Tests.Support;
using SchemaRegistry.Testing;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Protobuf;

/// <summary>
/// The whole Protobuf conformance table through the Confluent API: register the old file (and the version of its
/// import it references), then ask /compatibility for the new one at BACKWARD.
/// </summary>
public sealed class ProtobufConformanceOverHttpTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<int> Cases() => new(ProtobufCompatibilityCases.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_gets_the_expected_verdict_over_http(int id)
    {
        var c = ProtobufCompatibilityCases.All.Single(x => x.Id == id);
        var subject = $"proto-case-{id}-{Guid.NewGuid():N}";
        object[]? oldRefs = null, newRefs = null;
        if (c.OldImport is not null)
        {
            var home = $"home-{id}-{Guid.NewGuid():N}";
            await _client.PutAsync($"/config/{home}", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
            await _client.PostAsync($"/subjects/{home}/versions", ConfluentBody(new { schemaType = "PROTOBUF", schema = c.OldImport })).ExpectAsync(HttpStatusCode.OK);
            var second = await _client.PostAsync($"/subjects/{home}/versions", ConfluentBody(new { schemaType = "PROTOBUF", schema = c.NewImport })).ExpectAsync(HttpStatusCode.OK);
            oldRefs = [new { name = "home.proto", subject = home, version = 1 }];
            newRefs = [new { name = "home.proto", subject = home, version = second["version"]!.GetValue<int>() }];
        }
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "BACKWARD" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "PROTOBUF", schema = c.Old, references = oldRefs ?? [] })).ExpectAsync(HttpStatusCode.OK);
        var verdict = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest?verbose=true",
            ConfluentBody(new { schemaType = "PROTOBUF", schema = c.New, references = newRefs ?? [] })).ExpectAsync(HttpStatusCode.OK);
        verdict["is_compatible"]!.GetValue<bool>().ShouldBe(c.Backward, $"{c}: {verdict.ToJsonString()}");
    }
}
