using System.Text.Json;

namespace SchemaRegistry.Formats.Protobuf.Tests.Support;

internal static class Json
{
    public static JsonElement Parse(string json, int maxDepth = 64) =>
        JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth }).RootElement.Clone();
}
