using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// Validates JSON documents against one message in the proto3 JSON mapping (protobuf.dev/programming-guides/json):
/// fields by json_name or proto name, unknown fields refused (reserved names ignored), at most one member per oneof,
/// null meaning "not set", repeated fields as arrays and maps as objects with keys of the key type, and the special
/// forms of the well-known types. It walks the <see cref="JsonElement"/> against a graph compiled once; a valid
/// document costs no allocation.
/// </summary>
internal sealed partial class ProtoJsonValidator : IDataValidator
{
    private readonly CompiledMessage _root;
    private readonly IReadOnlyDictionary<string, CompiledMessage> _all;

    private ProtoJsonValidator(CompiledMessage root, IReadOnlyDictionary<string, CompiledMessage> all)
    {
        _root = root;
        _all = all;
    }

    /// <inheritdoc />
    public string Engine => "proto3-json";

    /// <summary>Compiles every message of the schema (Any may name any of them) and returns a validator for one.</summary>
    public static ProtoJsonValidator Compile(SchemaModel model, MessageModel message)
    {
        var all = new SchemaCompiler(model).CompileAll();
        return new ProtoJsonValidator(all[message.FullName], all);
    }

    /// <inheritdoc />
    public ValidationOutcome Validate(JsonElement instance)
    {
        var state = ValidationState.Rent();
        try
        {
            if (instance.ValueKind == JsonValueKind.Null)
                state.Error(_root.SchemaPath, "type", $"expected a {_root.FullName} message, not null");
            else
                Message(instance, _root, state);
            return state.Errors is { } errors ? ValidationOutcome.Invalid(errors) : ValidationOutcome.Valid;
        }
        finally
        {
            ValidationState.Return(state);
        }
    }

    private void Message(JsonElement value, CompiledMessage message, ValidationState state)
    {
        if (message.WellKnown != WellKnownType.None)
        {
            WellKnown(value, message, state);
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            state.Error(message.SchemaPath, "type", $"expected a JSON object for message {message.FullName}");
            return;
        }
        if (state.Depth >= ValidationState.MaxDepth)
        {
            state.Error(message.SchemaPath, "depth", $"the document nests deeper than {ValidationState.MaxDepth} levels");
            return;
        }
        var fieldCount = message.Fields.Length;
        Span<bool> seen = fieldCount <= 256 ? stackalloc bool[fieldCount] : new bool[fieldCount];
        Span<int> oneofMember = message.OneofNames.Length <= 64 ? stackalloc int[message.OneofNames.Length] : new int[message.OneofNames.Length];
        oneofMember.Fill(-1);
        foreach (var property in value.EnumerateObject())
        {
            var found = RawJson.TryGetName(property, out var rawName)
                ? message.Names.TryGet(rawName, out var index)
                : message.Names.TryGet(RawJson.Name(property), out index);
            state.Push(property);
            if (!found)
            {
                var reserved = RawJson.TryGetName(property, out rawName) ? message.ReservedNames.TryGet(rawName, out _) : message.ReservedNames.TryGet(RawJson.Name(property), out _);
                if (!reserved) state.Error(message.SchemaPath, "unknownField", $"{message.FullName} has no field named '{RawJson.Name(property)}'");
                state.Pop();
                continue;
            }
            var field = message.Fields[index];
            if (seen[index])
                state.Error(field.SchemaPath, "duplicateField", $"the field '{field.Name}' is given more than once");
            seen[index] = true;
            if (field.Oneof >= 0 && (property.Value.ValueKind != JsonValueKind.Null || field.AcceptsNullValue))
            {
                var other = oneofMember[field.Oneof];
                if (other >= 0 && other != index)
                    state.Error(field.SchemaPath, "oneof", $"the oneof '{message.OneofNames[field.Oneof]}' already has '{message.Fields[other].Name}' set; at most one member may be set");
                else
                    oneofMember[field.Oneof] = index;
            }
            Field(property.Value, field, state);
            state.Pop();
        }
        foreach (var required in message.RequiredFields)
        {
            if (!seen[required])
                state.Error(message.Fields[required].SchemaPath, "required", $"the required field '{message.Fields[required].Name}' is missing");
        }
    }

    private void Field(JsonElement value, CompiledField field, ValidationState state)
    {
        // null means "not set", except where null is itself a value (google.protobuf.Value, NullValue).
        if (value.ValueKind == JsonValueKind.Null && !field.AcceptsNullValue) return;
        if (field.IsMap)
        {
            Map(value, field, state);
            return;
        }
        if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                state.Error(field.SchemaPath, "type", $"'{field.Name}' is repeated: expected a JSON array");
                return;
            }
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                state.Push(i++);
                if (item.ValueKind == JsonValueKind.Null && !field.AcceptsNullValue)
                    state.Error(field.SchemaPath, "null", $"the elements of '{field.Name}' cannot be null");
                else
                    Singular(item, field, state);
                state.Pop();
            }
            return;
        }
        Singular(value, field, state);
    }

    private void Map(JsonElement value, CompiledField field, ValidationState state)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            state.Error(field.SchemaPath, "type", $"'{field.Name}' is a map: expected a JSON object");
            return;
        }
        var valueField = field.MapValue!;
        foreach (var entry in value.EnumerateObject())
        {
            state.Push(entry);
            if (MapKeyProblem(entry, field.MapKey) is { } problem)
                state.Error(field.SchemaPath + "/key", "mapKey", problem);
            if (entry.Value.ValueKind == JsonValueKind.Null && !valueField.AcceptsNullValue)
                state.Error(valueField.SchemaPath, "null", $"the values of map '{field.Name}' cannot be null");
            else
                Singular(entry.Value, valueField, state);
            state.Pop();
        }
    }

    private static string? MapKeyProblem(JsonProperty entry, FieldKind keyKind)
    {
        if (keyKind == FieldKind.String) return null;
        ReadOnlySpan<byte> key = RawJson.TryGetName(entry, out var raw) ? raw : System.Text.Encoding.UTF8.GetBytes(RawJson.Name(entry));
        if (keyKind == FieldKind.Bool)
            return key.SequenceEqual("true"u8) || key.SequenceEqual("false"u8) ? null : "a bool map key must be \"true\" or \"false\"";
        var ok = keyKind switch
        {
            FieldKind.Int32 or FieldKind.SInt32 or FieldKind.SFixed32 => System.Buffers.Text.Utf8Parser.TryParse(key, out int _, out var n) && n == key.Length,
            FieldKind.UInt32 or FieldKind.Fixed32 => System.Buffers.Text.Utf8Parser.TryParse(key, out uint _, out var n) && n == key.Length,
            FieldKind.Int64 or FieldKind.SInt64 or FieldKind.SFixed64 => System.Buffers.Text.Utf8Parser.TryParse(key, out long _, out var n) && n == key.Length,
            _ => System.Buffers.Text.Utf8Parser.TryParse(key, out ulong _, out var n) && n == key.Length,
        };
        return ok ? null : $"the map key is not a decimal {keyKind.ToString().ToLowerInvariant()}";
    }

    private void Singular(JsonElement value, CompiledField field, ValidationState state)
    {
        switch (field.Kind)
        {
            case FieldKind.Message:
                Message(value, field.Message!, state);
                return;
            case FieldKind.Enum:
                Enum(value, field, state);
                return;
            default:
                if (ScalarRules.Check(field.Kind, value) is { } problem)
                    state.Error(field.SchemaPath, ScalarRules.Keyword(field.Kind, value), $"'{field.Name}': {problem}");
                return;
        }
    }

    private static void Enum(JsonElement value, CompiledField field, ValidationState state)
    {
        var decl = field.Enum!;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null when decl.IsNullValue:
                return;
            case JsonValueKind.String:
                var known = RawJson.TryGetUnescaped(value, out var name)
                    ? decl.Names.TryGet(name, out _)
                    : RawJson.TryGetString(value, out var decoded) && decl.Names.TryGet(decoded, out _);
                if (!known) state.Error(field.SchemaPath, "enum", $"'{field.Name}': {value.GetRawText()} is not a value of {decl.FullName}");
                return;
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                if (decl.IsClosed && !decl.Numbers.Contains(number))
                    state.Error(field.SchemaPath, "enum", $"'{field.Name}': {number} is not a value of the closed enum {decl.FullName}");
                return;
            default:
                state.Error(field.SchemaPath, "type", $"'{field.Name}': expected the name or the number of a {decl.FullName} value");
                return;
        }
    }
}
