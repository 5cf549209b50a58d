using System.Globalization;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Canonical;

/// <summary>
/// Confluent's normalized form for Avro (<c>AvroSchemaUtils.toNormalizedString</c>, adapted from Avro's Parsing
/// Canonical Form but keeping metadata): full names instead of namespaces, <c>name</c> before <c>type</c>, sorted
/// aliases, properties sorted by key (nested objects too), defaults re-typed through the field's type (a double
/// default <c>1</c> is <c>1.0</c>), decimal logical types spelled out. Union branches and fields keep their order:
/// positions are part of the binary encoding. Deliberate deviations, both so the text re-parses to the same schema:
/// a field's order is written only when it is not ascending, in lower case (Java writes <c>"order":"ASCENDING"</c> on
/// every field, which Apache.Avro cannot parse), and a type without a namespace nested in one with a namespace says
/// <c>"namespace":""</c> (a bare full name would be read into the enclosing namespace).
/// </summary>
internal sealed class NormalizedWriter
{
    private readonly StringBuilder _out = new();
    private readonly HashSet<AvroNamed> _written = new(ReferenceEqualityComparer.Instance);

    private NormalizedWriter()
    {
    }

    /// <summary>The normalized text of a schema.</summary>
    public static string Write(AvroSchemaNode root)
    {
        var writer = new NormalizedWriter();
        writer.Node(root, space: null);
        return writer._out.ToString();
    }

    private void Node(AvroSchemaNode node, string? space)
    {
        switch (node)
        {
            case AvroUnion union:
                _out.Append('[');
                for (var i = 0; i < union.Branches.Count; i++)
                {
                    if (i > 0) _out.Append(',');
                    Node(union.Branches[i], space);
                }
                _out.Append(']');
                return;
            case AvroArray array:
                _out.Append("{\"type\":\"array\",\"items\":");
                Node(array.Items, space);
                SortedProperties(array.Properties, null);
                _out.Append('}');
                return;
            case AvroMap map:
                _out.Append("{\"type\":\"map\",\"values\":");
                Node(map.Values, space);
                SortedProperties(map.Properties, null);
                _out.Append('}');
                return;
            case AvroNamed named when named.FromReference || !_written.Add(named):
                JacksonText.String(_out, named.Name.FullName);
                return;
            case AvroNamed named:
                Named(named, space);
                return;
            default:
                if (node.Logical is not null)
                {
                    _out.Append("{\"type\":\"").Append(node.Kind.Name()).Append('"');
                    LogicalProperties(node.Logical);
                    SortedProperties(node.Properties, node.Logical);
                    _out.Append('}');
                }
                else if (node.Properties.Count > 0)
                {
                    _out.Append("{\"type\":\"").Append(node.Kind.Name()).Append('"');
                    SortedProperties(node.Properties, null);
                    _out.Append('}');
                }
                else
                {
                    _out.Append('"').Append(node.Kind.Name()).Append('"');
                }
                return;
        }
    }

    private void Named(AvroNamed named, string? space)
    {
        JacksonText.String(_out.Append("{\"name\":"), named.Name.FullName);
        if (named.Name.Namespace is null && space is not null) _out.Append(",\"namespace\":\"\"");
        _out.Append(",\"type\":\"").Append(named.Kind.Name()).Append('"');
        switch (named)
        {
            case AvroEnum enumeration:
                _out.Append(",\"symbols\":[");
                for (var i = 0; i < enumeration.Symbols.Count; i++)
                {
                    if (i > 0) _out.Append(',');
                    JacksonText.String(_out, enumeration.Symbols[i]);
                }
                _out.Append(']');
                break;
            case AvroFixed fixedType:
                _out.Append(",\"size\":").Append(fixedType.Size.ToString(CultureInfo.InvariantCulture));
                if (fixedType.Logical is not null) LogicalProperties(fixedType.Logical);
                break;
            case AvroRecord record:
                _out.Append(",\"fields\":[");
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    if (i > 0) _out.Append(',');
                    Field(record.Fields[i], record.Name.Namespace);
                }
                _out.Append(']');
                break;
        }
        if (!string.IsNullOrEmpty(named.Doc)) JacksonText.String(_out.Append(",\"doc\":"), named.Doc);
        if (named.Aliases.Count > 0) Strings(",\"aliases\":", named.Aliases.Select(a => a.FullName));
        if (named is AvroEnum { Default: { } symbol }) JacksonText.String(_out.Append(",\"default\":"), symbol);
        SortedProperties(named.Properties, named.Logical);
        _out.Append('}');
    }

    private void Field(AvroField field, string? space)
    {
        JacksonText.String(_out.Append("{\"name\":"), field.Name);
        _out.Append(",\"type\":");
        Node(field.Type, space);
        if (field.Order != FieldOrder.Ascending) _out.Append(",\"order\":\"").Append(field.Order == FieldOrder.Descending ? "descending" : "ignore").Append('"');
        if (field.Doc is not null) JacksonText.String(_out.Append(",\"doc\":"), field.Doc);
        if (field.Aliases.Count > 0) Strings(",\"aliases\":", field.Aliases);
        if (field.Default is { } value)
        {
            _out.Append(",\"default\":");
            Retyped(value, field.Type);
        }
        SortedProperties(field.Properties, null);
        _out.Append('}');
    }

    private void Strings(string key, IEnumerable<string> values)
    {
        _out.Append(key).Append('[');
        var first = true;
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            if (!first) _out.Append(',');
            first = false;
            JacksonText.String(_out, value);
        }
        _out.Append(']');
    }

    private void LogicalProperties(LogicalType logical)
    {
        _out.Append(",\"logicalType\":");
        JacksonText.String(_out, logical.Name);
        if (!logical.IsDecimal) return;
        _out.Append(",\"precision\":").Append(logical.Precision.ToString(CultureInfo.InvariantCulture));
        if (logical.Scale != 0) _out.Append(",\"scale\":").Append(logical.Scale.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Properties sorted by key; those already spelled out by the logical type are not repeated.</summary>
    private void SortedProperties(IReadOnlyList<AvroProperty> properties, LogicalType? logical)
    {
        foreach (var property in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (logical is not null && (property.Name == "logicalType" || (logical.IsDecimal && property.Name is "precision" or "scale"))) continue;
            _out.Append(',');
            JacksonText.String(_out, property.Name).Append(':');
            JacksonText.Value(_out, property.Value, sortKeys: true);
        }
    }

    /// <summary>A default re-typed through the field's schema, as Java's <c>Field.defaultVal()</c> does.</summary>
    private void Retyped(JsonElement value, AvroSchemaNode type)
    {
        if (type is AvroUnion { Branches.Count: > 0 } union)
        {
            Retyped(value, union.Branches[0]);
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when type.Kind == AvroKind.Float:
                JacksonText.Float(_out, (float)value.GetDouble());
                return;
            case JsonValueKind.Number when type.Kind == AvroKind.Double:
                JacksonText.Double(_out, value.GetDouble());
                return;
            case JsonValueKind.Array when type is AvroArray array:
                _out.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index++ > 0) _out.Append(',');
                    Retyped(item, array.Items);
                }
                _out.Append(']');
                return;
            case JsonValueKind.Object when type is AvroMap or AvroRecord:
                _out.Append('{');
                var first = true;
                foreach (var member in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first) _out.Append(',');
                    first = false;
                    JacksonText.String(_out, member.Name).Append(':');
                    var memberType = type is AvroMap map ? map.Values : ((AvroRecord)type).Field(member.Name)?.Type;
                    if (memberType is null) JacksonText.Value(_out, member.Value, sortKeys: true);
                    else Retyped(member.Value, memberType);
                }
                _out.Append('}');
                return;
            default:
                JacksonText.Value(_out, value, sortKeys: true);
                return;
        }
    }
}
