using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using global::Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using SchemaRegistry.Server.Tests.Support;
using AvroSchema = global::Avro.Schema;
using EnumSchema = global::Avro.EnumSchema;
using RecordSchema = global::Avro.RecordSchema;

namespace SchemaRegistry.Server.Tests.Clients;

/// <summary>
/// Confluent's own .NET Avro serdes (Confluent.SchemaRegistry.Serdes.Avro 2.16) against the running server on a real
/// port: generic and specific records, with auto-registration and with use.latest.version. The server logs every
/// request here, so the test also sees what the client sent on the wire.
/// </summary>
public sealed class ConfluentAvroClientTests : IAsyncLifetime
{
    private const string Turn = """
        {"type":"record","name":"Turn","namespace":"llm.chat","fields":[
          {"name":"role","type":{"type":"enum","name":"Role","symbols":["system","user","assistant"]}},
          {"name":"content","type":"string"},
          {"name":"tokens","type":"int"},
          {"name":"cost","type":["null",{"type":"bytes","logicalType":"decimal","precision":9,"scale":4}],"default":null}]}
        """;

    private ServerProcess _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(null, "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteData();
    }

    [Fact]
    public async Task Generic_records_auto_register_and_read_back()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var topic = $"turns-{Guid.NewGuid():N}";
        var context = new SerializationContext(MessageComponentType.Value, topic);
        var schema = (RecordSchema)AvroSchema.Parse(Turn);
        var record = new GenericRecord(schema);
        record.Add("role", new GenericEnum((EnumSchema)schema["role"].Schema, "assistant"));
        record.Add("content", "Hello");
        record.Add("tokens", 3);
        record.Add("cost", null);

        var bytes = await new AvroSerializer<GenericRecord>(client).SerializeAsync(record, context);

        bytes[0].ShouldBe((byte)0, "Confluent wire format: magic byte");
        var id = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        var registered = await client.GetLatestSchemaAsync($"{topic}-value");
        registered.Id.ShouldBe(id);
        registered.Version.ShouldBe(1);
        registered.SchemaType.ShouldBe(SchemaType.Avro);
        // What is stored is Confluent's canonical form of what the client sent (Apache.Avro's ToString()).
        registered.SchemaString.ShouldStartWith("""{"type":"record","name":"Turn","namespace":"llm.chat","fields":[{"name":"role","type":{"type":"enum","name":"Role","symbols":""");

        var back = await new AvroDeserializer<GenericRecord>(client).DeserializeAsync(bytes, isNull: false, context);
        ((GenericEnum)back["role"]).Value.ShouldBe("assistant");
        back["content"].ShouldBe("Hello");
        back["tokens"].ShouldBe(3);
        back["cost"].ShouldBeNull();

        // A second serializer that only looks the schema up finds the same id, and no version is added.
        var lookedUp = await new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig { AutoRegisterSchemas = false }).SerializeAsync(record, context);
        BinaryPrimitives.ReadInt32BigEndian(lookedUp.AsSpan(1, 4)).ShouldBe(id);
        (await client.GetSubjectVersionsAsync($"{topic}-value")).ShouldBe([1]);

        // On the wire: the 2.16 client first asks for a topic association; the registry has none and says so in
        // Confluent's error shape, so the client falls back to the topic name strategy.
        await WaitForLogAsync($"GET {_server.BaseUrl}/associations/resources/-/{topic}");
        _server.Output.ShouldContain($"POST {_server.BaseUrl}/subjects/{topic}-value/versions");
        using var http = new HttpClient();
        using var association = await http.GetAsync($"{_server.BaseUrl}/associations/resources/-/{topic}?resourceType=topic&associationType=value");
        association.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = JsonNode.Parse(await association.Content.ReadAsStringAsync())!;
        error["error_code"]!.GetValue<int>().ShouldBe(404);
        error["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Specific_records_auto_register_and_read_back()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var topic = $"chat-{Guid.NewGuid():N}";
        var context = new SerializationContext(MessageComponentType.Value, topic);
        var turn = new ChatTurn { Role = "user", Content = "What is Avro?", Tokens = 4, Model = "small" };

        var bytes = await new AvroSerializer<ChatTurn>(client).SerializeAsync(turn, context);
        var back = await new AvroDeserializer<ChatTurn>(client).DeserializeAsync(bytes, isNull: false, context);

        back.Role.ShouldBe("user");
        back.Content.ShouldBe("What is Avro?");
        back.Tokens.ShouldBe(4);
        back.Model.ShouldBe("small");
        var registered = await client.GetLatestSchemaAsync($"{topic}-value");
        registered.Id.ShouldBe(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        registered.SchemaString.ShouldContain("\"doc\":\"One turn of a chat.\"");
    }

    [Fact]
    public async Task Use_latest_version_serializes_with_the_registered_latest()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var topic = $"latest-{Guid.NewGuid():N}";
        var subject = $"{topic}-value";
        var context = new SerializationContext(MessageComponentType.Value, topic);
        var v1 = await client.RegisterSchemaAsync(subject, new Schema(ChatTurn._SCHEMA.ToString(), SchemaType.Avro));
        var latestOnly = new AvroSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = true };

        // Specific record, registered beforehand: the serializer writes with the latest version's id.
        var specific = await new AvroSerializer<ChatTurn>(client, latestOnly)
            .SerializeAsync(new ChatTurn { Role = "system", Content = "Be brief.", Tokens = 2 }, context);
        BinaryPrimitives.ReadInt32BigEndian(specific.AsSpan(1, 4)).ShouldBe(v1);

        // A compatible evolution (a field with a default) becomes the latest; generic records follow it.
        var evolved = ChatTurn._SCHEMA.ToString().Replace("""{"name":"model",""", """{"name":"temperature","type":"double","default":0.7},{"name":"model",""", StringComparison.Ordinal);
        var v2 = await client.RegisterSchemaAsync(subject, new Schema(evolved, SchemaType.Avro));
        v2.ShouldNotBe(v1);
        // The client caches "latest" for its lifetime: a new one sees version 2.
        using var fresh = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.BaseUrl });
        var latest = (RecordSchema)AvroSchema.Parse((await fresh.GetLatestSchemaAsync(subject)).SchemaString);
        var record = new GenericRecord(latest);
        record.Add("role", "assistant");
        record.Add("content", "Sure.");
        record.Add("tokens", 1);
        record.Add("temperature", 0.2);
        record.Add("model", null);
        var generic = await new AvroSerializer<GenericRecord>(fresh, latestOnly).SerializeAsync(record, context);
        BinaryPrimitives.ReadInt32BigEndian(generic.AsSpan(1, 4)).ShouldBe(v2);

        // The old specific class still reads the new data (the field it does not know is skipped).
        var old = await new AvroDeserializer<ChatTurn>(fresh).DeserializeAsync(generic, isNull: false, context);
        old.Content.ShouldBe("Sure.");
        old.Tokens.ShouldBe(1);
        (await client.GetSubjectVersionsAsync(subject)).ShouldBe([1, 2]);
    }

    private async Task WaitForLogAsync(string fragment)
    {
        // The request log is written asynchronously by the server's console logger.
        for (var i = 0; i < 50 && !_server.Output.Contains(fragment, StringComparison.Ordinal); i++) await Task.Delay(100);
        _server.Output.ShouldContain(fragment);
    }
}
