namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// A .proto file as written (a "Wire-like" syntax tree): declarations keep their source order, options keep their
/// written names and order, and type names stay as written. This is what the canonical printer prints; the semantic
/// model (resolved types) comes from protobuf-net's descriptors.
/// </summary>
internal sealed class ProtoFile
{
    /// <summary><c>proto2</c> or <c>proto3</c> as written; null when the file has no syntax statement (proto2).</summary>
    public string? Syntax { get; set; }

    public string? Package { get; set; }

    public List<ImportDecl> Imports { get; } = [];

    public List<OptionDecl> Options { get; } = [];

    public List<MessageDecl> Messages { get; } = [];

    public List<EnumDecl> Enums { get; } = [];

    public List<ExtendDecl> Extends { get; } = [];

    public List<ServiceDecl> Services { get; } = [];

    /// <summary>The effective syntax: proto3 only when declared so.</summary>
    public bool IsProto3 => Syntax == "proto3";
}

/// <summary>How a file is imported.</summary>
internal enum ImportKind
{
    Plain,
    Public,
    Weak,
}

/// <summary><c>import [public|weak] "path";</c></summary>
internal sealed record ImportDecl(string Path, ImportKind Kind);
