using System.Text;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Canonical;

/// <summary>
/// Confluent's canonical string for Avro (<c>AvroSchema.canonicalString</c> = Java <c>Schema.toString(references,
/// false)</c>): compact JSON with the keys in Java's fixed order, documentation, defaults, aliases, logical types and
/// every other property kept. A named type is written in full where it first appears and by name afterwards (short
/// when it is in the namespace in force); types of referenced schemas are always written by name. <c>namespace</c> is
/// written only where it differs from the enclosing one.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly StringBuilder _out = new();
    private readonly HashSet<AvroNamed> _written = new(ReferenceEqualityComparer.Instance);

    private CanonicalWriter()
    {
    }

    /// <summary>The canonical text of a schema.</summary>
    public static string Write(AvroSchemaNode root)
    {
        var writer = new CanonicalWriter();
        writer.Node(root, space: null);
        return writer._out.ToString();
    }

    private void Node(AvroSchemaNode node, string? space)
    {
        switch (node)
        {
            case AvroNamed named when named.FromReference || !_written.Add(named):
                JacksonText.String(_out, named.Name.QualifiedFor(space));
                return;
            case AvroRecord record:
                Record(record, space);
                return;
            case AvroEnum enumeration:
                Open("enum", enumeration, space);
                _out.Append(",\"symbols\":[");
                for (var i = 0; i < enumeration.Symbols.Count; i++)
                {
                    if (i > 0) _out.Append(',');
                    JacksonText.String(_out, enumeration.Symbols[i]);
                }
                _out.Append(']');
                if (enumeration.Default is not null) JacksonText.String(_out.Append(",\"default\":"), enumeration.Default);
                Close(enumeration);
                return;
            case AvroFixed fixedType:
                Open("fixed", fixedType, space);
                _out.Append(",\"size\":").Append(fixedType.Size);
                Close(fixedType);
                return;
            case AvroArray array:
                _out.Append("{\"type\":\"array\",\"items\":");
                Node(array.Items, space);
                Properties(array.Properties);
                _out.Append('}');
                return;
            case AvroMap map:
                _out.Append("{\"type\":\"map\",\"values\":");
                Node(map.Values, space);
                Properties(map.Properties);
                _out.Append('}');
                return;
            case AvroUnion union:
                _out.Append('[');
                for (var i = 0; i < union.Branches.Count; i++)
                {
                    if (i > 0) _out.Append(',');
                    Node(union.Branches[i], space);
                }
                _out.Append(']');
                return;
            default:
                if (node.Properties.Count == 0)
                {
                    JacksonText.String(_out, node.Kind.Name());
                    return;
                }
                _out.Append("{\"type\":");
                JacksonText.String(_out, node.Kind.Name());
                Properties(node.Properties);
                _out.Append('}');
                return;
        }
    }

    private void Record(AvroRecord record, string? space)
    {
        Open(record.IsError ? "error" : "record", record, space);
        _out.Append(",\"fields\":[");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (i > 0) _out.Append(',');
            Field(record.Fields[i], record.Name.Namespace);
        }
        _out.Append(']');
        Close(record);
    }

    private void Field(AvroField field, string? space)
    {
        JacksonText.String(_out.Append("{\"name\":"), field.Name);
        _out.Append(",\"type\":");
        Node(field.Type, space);
        if (field.Doc is not null) JacksonText.String(_out.Append(",\"doc\":"), field.Doc);
        if (field.Default is { } value) JacksonText.Value(_out.Append(",\"default\":"), value);
        if (field.Order != FieldOrder.Ascending) _out.Append(",\"order\":\"").Append(field.Order == FieldOrder.Descending ? "descending" : "ignore").Append('"');
        if (field.Aliases.Count > 0)
        {
            _out.Append(",\"aliases\":[");
            for (var i = 0; i < field.Aliases.Count; i++)
            {
                if (i > 0) _out.Append(',');
                JacksonText.String(_out, field.Aliases[i]);
            }
            _out.Append(']');
        }
        Properties(field.Properties);
        _out.Append('}');
    }

    private void Open(string type, AvroNamed named, string? space)
    {
        _out.Append("{\"type\":\"").Append(type).Append('"');
        JacksonText.String(_out.Append(",\"name\":"), named.Name.Simple);
        if (named.Name.Namespace is { } own)
        {
            if (!string.Equals(own, space, StringComparison.Ordinal)) JacksonText.String(_out.Append(",\"namespace\":"), own);
        }
        else if (space is not null)
        {
            _out.Append(",\"namespace\":\"\""); // no namespace inside one: said explicitly, or readers would inherit it
        }
        if (named.Doc is not null) JacksonText.String(_out.Append(",\"doc\":"), named.Doc);
    }

    private void Close(AvroNamed named)
    {
        Properties(named.Properties);
        if (named.Aliases.Count > 0)
        {
            _out.Append(",\"aliases\":[");
            for (var i = 0; i < named.Aliases.Count; i++)
            {
                if (i > 0) _out.Append(',');
                JacksonText.String(_out, named.Aliases[i].QualifiedFor(named.Name.Namespace));
            }
            _out.Append(']');
        }
        _out.Append('}');
    }

    private void Properties(IReadOnlyList<AvroProperty> properties)
    {
        foreach (var property in properties)
        {
            _out.Append(',');
            JacksonText.String(_out, property.Name).Append(':');
            JacksonText.Value(_out, property.Value);
        }
    }
}
