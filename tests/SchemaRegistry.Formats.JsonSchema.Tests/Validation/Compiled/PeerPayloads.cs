using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>The peer schemas and payloads of ../shared/peers (small, medium, large), read in place.</summary>
public static class PeerPayloads
{
    public static readonly string[] Names = ["tool-call", "chat-completion", "trace-event"];

    private static string Folder
    {
        get
        {
            var conformance = ConformanceData.Root;
            var peers = Path.GetFullPath(Path.Combine(conformance, "..", "peers"));
            if (!Directory.Exists(peers)) throw new InvalidOperationException($"Peer data missing: {peers}");
            return peers;
        }
    }

    public static string Schema(string name) => File.ReadAllText(Path.Combine(Folder, "schemas", name + ".json"));

    public static string Valid(string name) => File.ReadAllText(Path.Combine(Folder, "payloads", name + ".valid.json"));

    public static string Invalid(string name) => File.ReadAllText(Path.Combine(Folder, "payloads", name + ".invalid.json"));
}
