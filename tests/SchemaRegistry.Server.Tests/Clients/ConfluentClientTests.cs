using System.Buffers.Binary;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Clients;

/// <summary>
/// Confluent's own .NET client (Confluent.SchemaRegistry 2.16 with Serdes.Json) against the running server on a real
/// port: what a Kafka producer and consumer would do, without the broker.
/// </summary>
public sealed class ConfluentClientTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteData();
    }

    public sealed class ChatMessage
    {
        public string Role { get; set; } = "";
        public string Content { get; set; } = "";
        public int Tokens { get; set; }
    }

    [Fact]
    public async Task Serializer_auto_registers_and_deserializer_reads_back()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var topic = $"chat-{Guid.NewGuid():N}";
        var context = new SerializationContext(MessageComponentType.Value, topic);
        var serializer = new JsonSerializer<ChatMessage>(client, new JsonSerializerConfig { AutoRegisterSchemas = true });
        var message = new ChatMessage { Role = "assistant", Content = "Hello", Tokens = 3 };

        var bytes = await serializer.SerializeAsync(message, context);

        bytes[0].ShouldBe((byte)0, "Confluent wire format: magic byte");
        var id = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        var registered = await client.GetLatestSchemaAsync($"{topic}-value");
        registered.Id.ShouldBe(id);
        registered.Version.ShouldBe(1);
        registered.SchemaType.ShouldBe(SchemaType.Json);

        var deserializer = new JsonDeserializer<ChatMessage>(client);
        var back = await deserializer.DeserializeAsync(bytes, isNull: false, context);
        back.Role.ShouldBe("assistant");
        back.Content.ShouldBe("Hello");
        back.Tokens.ShouldBe(3);

        // A second serializer instance finds the same schema again (lookup, no new version).
        var again = await new JsonSerializer<ChatMessage>(client).SerializeAsync(message, context);
        BinaryPrimitives.ReadInt32BigEndian(again.AsSpan(1, 4)).ShouldBe(id);
        (await client.GetSubjectVersionsAsync($"{topic}-value")).ShouldBe([1]);
    }

    [Fact]
    public async Task Register_lookup_config_and_compatibility_through_the_client()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var subject = $"orders-{Guid.NewGuid():N}-value";
        var v1 = new Schema("""{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""", SchemaType.Json);
        var id = await client.RegisterSchemaAsync(subject, v1);

        var found = await client.LookupSchemaAsync(subject, v1, ignoreDeletedSchemas: true);
        found.Id.ShouldBe(id);
        found.Version.ShouldBe(1);
        (await client.GetSchemaAsync(id)).SchemaString.ShouldBe(v1.SchemaString);
        (await client.GetAllSubjectsAsync()).ShouldContain(subject);

        (await client.GetCompatibilityAsync()).ShouldBe(Compatibility.Backward);
        await client.UpdateCompatibilityAsync(Compatibility.Full, subject);
        (await client.GetCompatibilityAsync(subject)).ShouldBe(Compatibility.Full);

        var addsRequired = new Schema("""{"type":"object","properties":{"id":{"type":"string"},"total":{"type":"number"}},"required":["id","total"]}""", SchemaType.Json);
        (await client.IsCompatibleAsync(subject, addsRequired)).ShouldBeFalse();
        var ex = await Should.ThrowAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(subject, addsRequired));
        ex.ErrorCode.ShouldBe(409);

        await client.UpdateCompatibilityAsync(Compatibility.None, subject);
        (await client.IsCompatibleAsync(subject, addsRequired)).ShouldBeTrue();
        var id2 = await client.RegisterSchemaAsync(subject, addsRequired);
        id2.ShouldNotBe(id);
        (await client.GetLatestSchemaAsync(subject)).Version.ShouldBe(2);

        var missing = await Should.ThrowAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync($"missing-{Guid.NewGuid():N}"));
        missing.ErrorCode.ShouldBe(40401);
    }
}
