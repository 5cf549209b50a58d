using System.Text.Json;

namespace SchemaRegistry.Formats.Protobuf.Tests.Support;

internal static class Json
{
    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
