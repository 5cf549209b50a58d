using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>The well-known types whose proto3 JSON form is not a plain object of fields.</summary>
internal enum WellKnownType
{
    None,
    Timestamp,
    Duration,
    FieldMask,
    Struct,
    Value,
    ListValue,
    Empty,
    Any,
    DoubleValue,
    FloatValue,
    Int64Value,
    UInt64Value,
    Int32Value,
    UInt32Value,
    BoolValue,
    StringValue,
    BytesValue,
}

/// <summary>A message prepared for validation: fields by JSON and proto name, oneofs counted, required fields listed.</summary>
internal sealed class CompiledMessage
{
    public required string FullName { get; init; }

    public required string SchemaPath { get; init; }

    public WellKnownType WellKnown { get; init; }

    public CompiledField[] Fields { get; set; } = [];

    public Utf8NameTable Names { get; set; } = new([]);

    /// <summary>Reserved field names: a JSON document may carry them and they are ignored (as protobuf-go's protojson does).</summary>
    public Utf8NameTable ReservedNames { get; set; } = new([]);

    public string[] OneofNames { get; set; } = [];

    public int[] RequiredFields { get; set; } = [];
}

/// <summary>A field prepared for validation.</summary>
internal sealed class CompiledField
{
    public required string Name { get; init; }

    public required string JsonName { get; init; }

    public required string SchemaPath { get; init; }

    public required FieldKind Kind { get; init; }

    public bool IsRepeated { get; init; }

    public bool IsMap { get; init; }

    /// <summary>Index into <see cref="CompiledMessage.OneofNames"/>, or -1.</summary>
    public int Oneof { get; init; } = -1;

    public CompiledMessage? Message { get; set; }

    public CompiledEnum? Enum { get; init; }

    /// <summary>For a map: the key kind and the value as a singular field.</summary>
    public FieldKind MapKey { get; init; }

    public CompiledField? MapValue { get; set; }

    /// <summary>A JSON null is a value for google.protobuf.Value and NullValue fields, not "unset".</summary>
    public bool AcceptsNullValue => Kind == FieldKind.Enum ? Enum!.IsNullValue : Message?.WellKnown == WellKnownType.Value;
}

/// <summary>An enum prepared for validation.</summary>
internal sealed class CompiledEnum
{
    public required string FullName { get; init; }

    public required Utf8NameTable Names { get; init; }

    public required HashSet<int> Numbers { get; init; }

    public bool IsClosed { get; init; }

    public bool IsNullValue => FullName == "google.protobuf.NullValue";
}

/// <summary>Builds the compiled graph once per schema: one node per message type, shared by every field that uses it.</summary>
internal sealed class SchemaCompiler(SchemaModel model)
{
    private readonly Dictionary<string, CompiledMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledEnum> _enums = new(StringComparer.Ordinal);

    public SchemaModel Model { get; } = model;

    /// <summary>
    /// Compiles every message of the model in two passes (shells first, then fields pointing at the shells), so
    /// recursive and long chains of types need no recursion here.
    /// </summary>
    public IReadOnlyDictionary<string, CompiledMessage> CompileAll()
    {
        var messages = Model.Messages.Values.Where(m => !m.IsMapEntry).ToList();
        foreach (var message in messages)
        {
            _messages[message.FullName] = new CompiledMessage
            {
                FullName = message.FullName,
                SchemaPath = message.Path,
                WellKnown = WellKnownOf(message.FullName),
            };
        }
        foreach (var message in messages) Fill(_messages[message.FullName], message);
        return _messages;
    }

    private void Fill(CompiledMessage compiled, MessageModel message)
    {
        compiled.OneofNames = [.. message.Oneofs.Select(o => o.Name)];
        var fields = new CompiledField[message.Fields.Count];
        var names = new List<KeyValuePair<string, int>>();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = message.Fields[i];
            fields[i] = CompileField(field, message);
            names.Add(new(field.JsonName, i));
            if (field.Name != field.JsonName) names.Add(new(field.Name, i));
        }
        compiled.Fields = fields;
        compiled.Names = new Utf8NameTable(names);
        compiled.ReservedNames = new Utf8NameTable(message.Reserved.Where(r => r.Name is not null).Select(r => new KeyValuePair<string, int>(r.Name!, 0)));
        compiled.RequiredFields = [.. Enumerable.Range(0, fields.Length).Where(i => message.Fields[i].Cardinality == Cardinality.Required)];
    }

    private CompiledMessage Shell(MessageModel message) => _messages[message.FullName];

    private CompiledField CompileField(FieldModel field, MessageModel owner)
    {
        var compiled = new CompiledField
        {
            Name = field.Name,
            JsonName = field.JsonName,
            SchemaPath = field.Path,
            Kind = field.Kind,
            IsRepeated = field.Cardinality == Cardinality.Repeated,
            IsMap = field.Cardinality == Cardinality.Map,
            Oneof = field.Oneof is null ? -1 : owner.Oneofs.IndexOf(field.Oneof),
            Enum = field.EnumType is null ? null : CompileEnum(field.EnumType),
            MapKey = field.Cardinality == Cardinality.Map ? field.MessageType!.FieldByNumber(1)!.Kind : default,
        };
        if (compiled.IsMap)
        {
            var value = field.MessageType!.FieldByNumber(2)!;
            compiled.MapValue = new CompiledField
            {
                Name = field.Name,
                JsonName = field.JsonName,
                SchemaPath = field.Path + "/value",
                Kind = value.Kind,
                Enum = value.EnumType is null ? null : CompileEnum(value.EnumType),
                Message = value.MessageType is null ? null : Shell(value.MessageType),
            };
        }
        else if (field.MessageType is not null)
        {
            compiled.Message = Shell(field.MessageType);
        }
        return compiled;
    }

    private CompiledEnum CompileEnum(EnumModel decl)
    {
        if (_enums.TryGetValue(decl.FullName, out var done)) return done;
        var compiled = new CompiledEnum
        {
            FullName = decl.FullName,
            Names = new Utf8NameTable(decl.Values.Select(v => new KeyValuePair<string, int>(v.Name, v.Number))),
            Numbers = [.. decl.Values.Select(v => v.Number)],
            IsClosed = decl.IsClosed,
        };
        _enums[decl.FullName] = compiled;
        return compiled;
    }

    private static WellKnownType WellKnownOf(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => WellKnownType.Timestamp,
        "google.protobuf.Duration" => WellKnownType.Duration,
        "google.protobuf.FieldMask" => WellKnownType.FieldMask,
        "google.protobuf.Struct" => WellKnownType.Struct,
        "google.protobuf.Value" => WellKnownType.Value,
        "google.protobuf.ListValue" => WellKnownType.ListValue,
        "google.protobuf.Empty" => WellKnownType.Empty,
        "google.protobuf.Any" => WellKnownType.Any,
        "google.protobuf.DoubleValue" => WellKnownType.DoubleValue,
        "google.protobuf.FloatValue" => WellKnownType.FloatValue,
        "google.protobuf.Int64Value" => WellKnownType.Int64Value,
        "google.protobuf.UInt64Value" => WellKnownType.UInt64Value,
        "google.protobuf.Int32Value" => WellKnownType.Int32Value,
        "google.protobuf.UInt32Value" => WellKnownType.UInt32Value,
        "google.protobuf.BoolValue" => WellKnownType.BoolValue,
        "google.protobuf.StringValue" => WellKnownType.StringValue,
        "google.protobuf.BytesValue" => WellKnownType.BytesValue,
        _ => WellKnownType.None,
    };
}
