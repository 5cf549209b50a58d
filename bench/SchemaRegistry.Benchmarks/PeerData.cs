namespace SchemaRegistry.Benchmarks;

/// <summary>
/// The peer schemas and payloads (../shared/peers beside the repository: small tool-call, medium chat-completion,
/// large trace-event), read in place. BenchmarkDotNet runs each benchmark in a child process built under bin/, so the
/// repository root is found by walking up to SchemaRegistry.slnx.
/// </summary>
public static class PeerData
{
    /// <summary>Size name to peer name.</summary>
    public static string NameOf(string size) => size switch
    {
        "small" => "tool-call",
        "medium" => "chat-completion",
        "large" => "trace-event",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "small, medium or large"),
    };

    public static string Schema(string name) => File.ReadAllText(Path.Combine(Folder, "schemas", name + ".json"));

    public static string Payload(string name, bool valid) => File.ReadAllText(Path.Combine(Folder, "payloads", $"{name}.{(valid ? "valid" : "invalid")}.json"));

    private static string Folder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SchemaRegistry.slnx"))) folder = folder.Parent;
            if (folder is null) throw new InvalidOperationException($"No SchemaRegistry.slnx above {AppContext.BaseDirectory}");
            var peers = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "peers"));
            return Directory.Exists(peers) ? peers : throw new InvalidOperationException($"Peer data missing: {peers}");
        }
    }
}
