namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary><c>message Name { ... }</c> with its members grouped as Confluent's printer groups them.</summary>
internal sealed class MessageDecl(string name)
{
    public string Name { get; } = name;

    public List<ReservedDecl> Reserved { get; } = [];

    public List<OptionDecl> Options { get; } = [];

    /// <summary>Fields outside any oneof, in source order (map fields included).</summary>
    public List<FieldDecl> Fields { get; } = [];

    public List<OneofDecl> Oneofs { get; } = [];

    public List<ReservedDecl> Extensions { get; } = [];

    public List<ExtendDecl> Extends { get; } = [];

    public List<MessageDecl> Messages { get; } = [];

    public List<EnumDecl> Enums { get; } = [];
}

/// <summary>A field: <c>[label] type name = number [options];</c> or <c>map&lt;K, V&gt; name = number;</c>.</summary>
internal sealed class FieldDecl(string? label, string type, string name, int number)
{
    /// <summary><c>optional</c>, <c>required</c> or <c>repeated</c> as written; null when none was written.</summary>
    public string? Label { get; set; } = label;

    /// <summary>The type as written (<c>int32</c>, <c>Status</c>, <c>.a.b.M</c>), or <c>map&lt;K, V&gt;</c> for a map.</summary>
    public string Type { get; set; } = type;

    public string Name { get; } = name;

    public int Number { get; } = number;

    /// <summary>For a map field, the key and value types as written.</summary>
    public (string Key, string Value)? Map { get; set; }

    /// <summary>Options other than <c>default</c> and <c>json_name</c>, in source order.</summary>
    public List<OptionDecl> Options { get; } = [];

    /// <summary>The proto2 <c>default</c>, when written.</summary>
    public OptionValue? Default { get; set; }

    /// <summary>The explicit <c>json_name</c>, when written.</summary>
    public string? JsonName { get; set; }
}

/// <summary><c>oneof name { ... }</c></summary>
internal sealed class OneofDecl(string name)
{
    public string Name { get; } = name;

    public List<OptionDecl> Options { get; } = [];

    public List<FieldDecl> Fields { get; } = [];
}

/// <summary><c>enum Name { ... }</c></summary>
internal sealed class EnumDecl(string name)
{
    public string Name { get; } = name;

    public List<ReservedDecl> Reserved { get; } = [];

    public List<OptionDecl> Options { get; } = [];

    public List<EnumValueDecl> Values { get; } = [];
}

/// <summary><c>NAME = number [options];</c></summary>
internal sealed class EnumValueDecl(string name, int number)
{
    public string Name { get; } = name;

    public int Number { get; } = number;

    public List<OptionDecl> Options { get; } = [];
}

/// <summary><c>service Name { rpc ... }</c></summary>
internal sealed class ServiceDecl(string name)
{
    public string Name { get; } = name;

    public List<OptionDecl> Options { get; } = [];

    public List<RpcDecl> Rpcs { get; } = [];
}

/// <summary><c>rpc Name ([stream] Request) returns ([stream] Response) [{ options }];</c></summary>
internal sealed class RpcDecl(string name, string requestType, bool requestStreaming, string responseType, bool responseStreaming)
{
    public string Name { get; } = name;

    public string RequestType { get; set; } = requestType;

    public bool RequestStreaming { get; } = requestStreaming;

    public string ResponseType { get; set; } = responseType;

    public bool ResponseStreaming { get; } = responseStreaming;

    public List<OptionDecl> Options { get; } = [];
}

/// <summary><c>extend Type { fields }</c></summary>
internal sealed class ExtendDecl(string extendee)
{
    public string Extendee { get; set; } = extendee;

    public List<FieldDecl> Fields { get; } = [];
}

/// <summary>
/// One <c>reserved</c> (or <c>extensions</c>) statement: number ranges and names, in written order.
/// </summary>
internal sealed class ReservedDecl
{
    public List<ReservedItem> Items { get; } = [];
}

/// <summary>A reserved number range (inclusive; <see cref="IsRange"/> when written with <c>to</c>) or a reserved name.</summary>
internal sealed record ReservedItem(int Start, int End, bool IsRange, string? Name)
{
    /// <summary>The largest field number; <c>max</c> in a range means it.</summary>
    public const int MaxFieldNumber = 536_870_911;

    public static ReservedItem Number(int n) => new(n, n, false, null);

    public static ReservedItem Range(int start, int end) => new(start, end, true, null);

    public static ReservedItem OfName(string name) => new(0, 0, false, name);

    public bool Contains(int number) => Name is null && number >= Start && number <= End;
}
