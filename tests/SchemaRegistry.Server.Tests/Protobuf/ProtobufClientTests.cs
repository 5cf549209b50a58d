using Confluent.SchemaRegistry;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Protobuf;

/// <summary>
/// Confluent's .NET client (Confluent.SchemaRegistry 2.16; its Protobuf serdes package is not available here) against
/// the running server: a .proto with an import registered as its own subject, looked up, checked for compatibility.
/// </summary>
public sealed class ProtobufClientTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteData();
    }

    private const string Money = "syntax = \"proto3\";\npackage common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n";

    private const string OrderV1 = """
        syntax = "proto3";
        package shop;

        import "common/money.proto";

        message Order {
          string id = 1;
          common.Money total = 2;
        }
        """;

    [Fact]
    public async Task Register_with_references_lookup_and_compatibility_through_the_client()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var suffix = Guid.NewGuid().ToString("N");
        var moneySubject = $"common/money.proto-{suffix}";
        var orderSubject = $"orders-{suffix}-value";

        var moneyId = await client.RegisterSchemaAsync(moneySubject, new Schema(Money, SchemaType.Protobuf));
        var moneyVersion = (await client.GetLatestSchemaAsync(moneySubject)).Version;
        var references = new List<SchemaReference> { new("common/money.proto", moneySubject, moneyVersion) };
        var v1 = new Schema(OrderV1, references, SchemaType.Protobuf);
        var orderId = await client.RegisterSchemaAsync(orderSubject, v1);
        orderId.ShouldNotBe(moneyId);

        var found = await client.LookupSchemaAsync(orderSubject, v1, ignoreDeletedSchemas: true);
        found.Id.ShouldBe(orderId);
        found.Version.ShouldBe(1);
        found.SchemaType.ShouldBe(SchemaType.Protobuf);

        var byId = await client.GetSchemaAsync(orderId);
        byId.SchemaType.ShouldBe(SchemaType.Protobuf);
        byId.SchemaString.ShouldContain("common.Money total = 2;");
        var reference = byId.References.ShouldHaveSingleItem();
        reference.Name.ShouldBe("common/money.proto");
        reference.Subject.ShouldBe(moneySubject);

        var addsField = new Schema(OrderV1.Replace("common.Money total = 2;", "common.Money total = 2;\n  string note = 3;", StringComparison.Ordinal), references, SchemaType.Protobuf);
        (await client.IsCompatibleAsync(orderSubject, addsField)).ShouldBeTrue();
        var changesWireType = new Schema(OrderV1.Replace("string id = 1;", "double id = 1;", StringComparison.Ordinal), references, SchemaType.Protobuf);
        (await client.IsCompatibleAsync(orderSubject, changesWireType)).ShouldBeFalse();

        var v2 = await client.RegisterSchemaAsync(orderSubject, addsField);
        v2.ShouldNotBe(orderId);
        (await client.GetSubjectVersionsAsync(orderSubject)).ShouldBe([1, 2]);
        await Should.ThrowAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(orderSubject, changesWireType));
    }

    [Fact]
    public async Task A_base64_descriptor_as_the_dotnet_serializer_sends_it_is_accepted_and_found_again()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var subject = $"events-{Guid.NewGuid():N}-value";
        var base64 = ProtobufDescriptors.Base64Of("syntax = \"proto3\";\npackage ev;\nmessage Event { string id = 1; map<string, string> labels = 2; }\n", "event.proto");
        var id = await client.RegisterSchemaAsync(subject, new Schema(base64, SchemaType.Protobuf));
        (await client.LookupSchemaAsync(subject, new Schema(base64, SchemaType.Protobuf), ignoreDeletedSchemas: true)).Id.ShouldBe(id);
        (await client.GetSchemaAsync(id)).SchemaString.ShouldContain("map<string, string> labels = 2;");
    }
}
