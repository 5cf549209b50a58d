using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>The scalar and named types a field can have (the descriptor's <c>Type</c>, without groups).</summary>
internal enum FieldKind
{
    Double, Float, Int64, UInt64, Int32, Fixed64, Fixed32, Bool, String, Bytes, UInt32, SFixed32, SFixed64, SInt32, SInt64,
    Enum,
    Message,
}

/// <summary>How many values a field holds and how its presence is tracked.</summary>
internal enum Cardinality
{
    /// <summary>proto3 singular field without a label: no presence (zero is "not set").</summary>
    Implicit,
    /// <summary><c>optional</c> (proto2, or proto3 explicit presence), or a oneof member.</summary>
    Optional,
    /// <summary>proto2 <c>required</c>.</summary>
    Required,
    /// <summary><c>repeated</c>.</summary>
    Repeated,
    /// <summary><c>map&lt;K, V&gt;</c> (a repeated entry message on the wire).</summary>
    Map,
}

/// <summary>The resolved schema: its file, its imports, and every message and enum by full name.</summary>
internal sealed class SchemaModel(FileModel main, IReadOnlyList<FileModel> files)
{
    public FileModel Main { get; } = main;

    public IReadOnlyList<FileModel> Files { get; } = files;

    public Dictionary<string, MessageModel> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EnumModel> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>The messages of the schema's own file, depth first in declaration order (map entries excluded).</summary>
    public List<MessageModel> DeclaredMessages { get; } = [];
}

/// <summary>One .proto file of the set.</summary>
internal sealed class FileModel(string name, string package, bool isProto3, bool isMain)
{
    public string Name { get; } = name;

    public string Package { get; } = package;

    public bool IsProto3 { get; } = isProto3;

    public bool IsMain { get; } = isMain;

    public List<MessageModel> Messages { get; } = [];

    public List<EnumModel> Enums { get; } = [];

    public List<ServiceModel> Services { get; } = [];

    /// <summary>The imported paths, in order.</summary>
    public List<string> Imports { get; } = [];

    /// <summary>File options as written (schema file only).</summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the file's declarations sit in schema paths: the root for the schema, <c>/imports/{path}</c> otherwise.</summary>
    public string PathPrefix => IsMain ? "" : "/imports/" + Pointer.Escape(Name);
}

/// <summary>A message type.</summary>
internal sealed class MessageModel(string name, string fullName, FileModel file, string path, bool isMapEntry)
{
    public string Name { get; } = name;

    /// <summary>The fully qualified name without a leading dot (<c>pkg.Outer.Inner</c>).</summary>
    public string FullName { get; } = fullName;

    public FileModel File { get; } = file;

    /// <summary>The location in schema paths, e.g. <c>/messages/Outer/messages/Inner</c>.</summary>
    public string Path { get; } = path;

    public bool IsMapEntry { get; } = isMapEntry;

    /// <summary>The name without the package: what identifies the type across a package rename.</summary>
    public string LocalName => File.Package.Length == 0 ? FullName : FullName[(File.Package.Length + 1)..];

    /// <summary>Every field in declaration order, oneof members included.</summary>
    public List<FieldModel> Fields { get; } = [];

    /// <summary>Real oneofs (proto3 <c>optional</c>'s synthetic ones are not here).</summary>
    public List<OneofModel> Oneofs { get; } = [];

    public List<MessageModel> Messages { get; } = [];

    public List<EnumModel> Enums { get; } = [];

    public List<ReservedItem> Reserved { get; } = [];

    public List<ReservedItem> ExtensionRanges { get; } = [];

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public FieldModel? FieldByNumber(int number) => Fields.Find(f => f.Number == number);

    public bool IsNumberReserved(int number) => Reserved.Exists(r => r.Contains(number));

    public bool IsNameReserved(string name) => Reserved.Exists(r => r.Name == name);
}

/// <summary>A field of a message.</summary>
internal sealed class FieldModel(MessageModel owner, string name, int number)
{
    public MessageModel Owner { get; } = owner;

    public string Name { get; } = name;

    public int Number { get; } = number;

    public string JsonName { get; set; } = name;

    public FieldKind Kind { get; set; }

    /// <summary>The full name of the message or enum type (no leading dot); null for scalars.</summary>
    public string? TypeName { get; set; }

    public Cardinality Cardinality { get; set; }

    /// <summary>The real oneof the field belongs to, if any.</summary>
    public OneofModel? Oneof { get; set; }

    /// <summary>The proto2 default as written, if any.</summary>
    public string? Default { get; set; }

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    /// <summary>Set once every type is known.</summary>
    public MessageModel? MessageType { get; set; }

    public EnumModel? EnumType { get; set; }

    public string Path => Owner.Path + "/fields/" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsRepeated => Cardinality is Cardinality.Repeated or Cardinality.Map;

    /// <summary>Numeric scalars and enums: the values a packed repeated field can hold.</summary>
    public bool IsNumeric => Kind is not (FieldKind.String or FieldKind.Bytes or FieldKind.Message);
}

/// <summary>A oneof: at most one member is set.</summary>
internal sealed class OneofModel(string name)
{
    public string Name { get; } = name;

    public List<FieldModel> Fields { get; } = [];

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
}

/// <summary>An enum type.</summary>
internal sealed class EnumModel(string name, string fullName, FileModel file, string path)
{
    public string Name { get; } = name;

    public string FullName { get; } = fullName;

    public FileModel File { get; } = file;

    public string Path { get; } = path;

    public string LocalName => File.Package.Length == 0 ? FullName : FullName[(File.Package.Length + 1)..];

    public List<EnumValueModel> Values { get; } = [];

    public List<ReservedItem> Reserved { get; } = [];

    /// <summary>proto2 enums are closed: an unknown number is not kept in the field (it goes to unknown fields).</summary>
    public bool IsClosed => !File.IsProto3;

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public bool IsNumberReserved(int number) => Reserved.Exists(r => r.Contains(number));

    public bool IsNameReserved(string name) => Reserved.Exists(r => r.Name == name);
}

/// <summary>One enum value.</summary>
internal sealed record EnumValueModel(string Name, int Number, IReadOnlyDictionary<string, string> Options);

/// <summary>A service and its methods (compared as annotations: they describe calls, not data).</summary>
internal sealed class ServiceModel(string name)
{
    public string Name { get; } = name;

    public List<RpcModel> Rpcs { get; } = [];

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
}

/// <summary>One rpc method with its resolved request and response types.</summary>
internal sealed record RpcModel(string Name, string RequestType, bool RequestStreaming, string ResponseType, bool ResponseStreaming, IReadOnlyDictionary<string, string> Options);

/// <summary>JSON pointer escaping for path segments.</summary>
internal static class Pointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
