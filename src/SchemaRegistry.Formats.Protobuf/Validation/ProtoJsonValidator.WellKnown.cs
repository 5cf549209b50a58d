using System.Text.Json;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>The well-known types whose JSON form is special: Timestamp, Duration, FieldMask, Struct, Value, ListValue, Empty, the wrappers and Any.</summary>
internal sealed partial class ProtoJsonValidator
{
    private void WellKnown(JsonElement value, CompiledMessage message, ValidationState state)
    {
        string? problem;
        switch (message.WellKnown)
        {
            case WellKnownType.Timestamp:
                problem = value.ValueKind != JsonValueKind.String ? "expected an RFC 3339 timestamp string"
                    : RawJson.TryGetUtf8(value, out var timestamp) && WellKnownFormats.IsTimestamp(timestamp) ? null : "not an RFC 3339 timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z";
                break;
            case WellKnownType.Duration:
                problem = value.ValueKind != JsonValueKind.String ? "expected a duration string such as \"1.5s\""
                    : RawJson.TryGetUtf8(value, out var duration) && WellKnownFormats.IsDuration(duration) ? null : "not a duration (\"-?seconds[.fraction]s\", at most 315576000000 seconds)";
                break;
            case WellKnownType.FieldMask:
                problem = value.ValueKind != JsonValueKind.String ? "expected a field mask string such as \"user.displayName,photo\""
                    : RawJson.TryGetUtf8(value, out var mask) && WellKnownFormats.IsFieldMask(mask) ? null : "not a field mask (comma-separated lowerCamel paths)";
                break;
            case WellKnownType.Struct:
                problem = value.ValueKind == JsonValueKind.Object ? null : "expected a JSON object (google.protobuf.Struct)";
                break;
            case WellKnownType.ListValue:
                problem = value.ValueKind == JsonValueKind.Array ? null : "expected a JSON array (google.protobuf.ListValue)";
                break;
            case WellKnownType.Value:
                problem = null;
                break;
            case WellKnownType.Empty:
                problem = value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().MoveNext() ? null : "expected an empty JSON object (google.protobuf.Empty)";
                break;
            case WellKnownType.Any:
                Any(value, message, state);
                return;
            default:
                var kind = WrappedKind(message.WellKnown);
                problem = ScalarRules.Check(kind, value);
                if (problem is not null)
                {
                    state.Error(message.SchemaPath, ScalarRules.Keyword(kind, value), $"{message.FullName}: {problem}");
                    return;
                }
                break;
        }
        if (problem is not null)
            state.Error(message.SchemaPath, value.ValueKind is JsonValueKind.String ? "format" : "type", $"{message.FullName}: {problem}");
    }

    private static FieldKind WrappedKind(WellKnownType wrapper) => wrapper switch
    {
        WellKnownType.DoubleValue => FieldKind.Double,
        WellKnownType.FloatValue => FieldKind.Float,
        WellKnownType.Int64Value => FieldKind.Int64,
        WellKnownType.UInt64Value => FieldKind.UInt64,
        WellKnownType.Int32Value => FieldKind.Int32,
        WellKnownType.UInt32Value => FieldKind.UInt32,
        WellKnownType.BoolValue => FieldKind.Bool,
        WellKnownType.StringValue => FieldKind.String,
        _ => FieldKind.Bytes,
    };

    /// <summary>
    /// <c>{"@type": "type.googleapis.com/pkg.Msg", ...fields}</c>, or <c>{"@type": ..., "value": ...}</c> when the
    /// packed type is a well-known type with a special JSON form. The packed type must be one the schema knows.
    /// </summary>
    private void Any(JsonElement value, CompiledMessage any, ValidationState state)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            state.Error(any.SchemaPath, "type", "expected a JSON object with \"@type\" (google.protobuf.Any)");
            return;
        }
        if (!value.TryGetProperty("@type", out var typeUrl) || typeUrl.ValueKind != JsonValueKind.String)
        {
            if (value.EnumerateObject().MoveNext())
                state.Error(any.SchemaPath, "required", "google.protobuf.Any needs a \"@type\" string");
            return;
        }
        if (!RawJson.TryGetString(typeUrl, out var url)) url = "";
        var typeName = url[(url.LastIndexOf('/') + 1)..];
        if (!_all.TryGetValue(typeName, out var packed))
        {
            state.Error(any.SchemaPath, "anyType", $"the packed type '{url}' is not a message this schema knows");
            return;
        }
        if (packed.WellKnown != WellKnownType.None)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.NameEquals("@type"u8)) continue;
                state.Push(property);
                if (property.NameEquals("value"u8)) Message(property.Value, packed, state);
                else state.Error(any.SchemaPath, "unknownField", $"an Any holding {packed.FullName} has only \"@type\" and \"value\"");
                state.Pop();
            }
            return;
        }
        // The packed message's fields sit next to "@type": validate a view without it.
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!member.NameEquals("@type"u8)) members[RawJson.Name(member)] = member.Value;
        }
        using var copy = JsonDocument.Parse(JsonSerializer.Serialize(members));
        var inner = ValidationState.Rent();
        try
        {
            Message(copy.RootElement, packed, inner);
            foreach (var error in inner.Errors ?? [])
            {
                state.Error(error.SchemaPath, error.Keyword, error.InstancePath.Length == 0 ? error.Message : $"{error.InstancePath}: {error.Message}");
            }
        }
        finally
        {
            ValidationState.Return(inner);
        }
    }
}
