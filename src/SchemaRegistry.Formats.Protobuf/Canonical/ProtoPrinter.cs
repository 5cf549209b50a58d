using System.Globalization;
using System.Text;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Canonical;

/// <summary>
/// Prints a <see cref="ProtoFile"/> in the layout of Confluent's <c>ProtobufSchemaUtils.toString</c>, so the canonical
/// text of a schema is what Confluent stores and serves for it: comments dropped, two-space indentation, sections of a
/// message separated by one blank line, all messages of a scope before its enums, <c>default</c> and
/// <c>json_name</c> after the other field options. Printing is a pure function of the tree, so printing a parsed
/// canonical text gives the same text.
/// </summary>
internal static class ProtoPrinter
{
    /// <summary>Prints a file. <paramref name="normalized"/> drops the proto2 syntax line, as Confluent's normalize does.</summary>
    public static string Print(ProtoFile file, bool normalized)
    {
        var sb = new StringBuilder();
        if (file.Syntax is not null && (!normalized || file.IsProto3))
            sb.Append("syntax = \"").Append(file.Syntax).Append("\";\n");
        if (file.Package is not null)
            sb.Append("package ").Append(file.Package).Append(";\n");
        if (file.Imports.Count > 0)
        {
            sb.Append('\n');
            // Confluent prints plain imports, then public ones (Wire keeps them in two lists); weak ones last.
            foreach (var kind in (ReadOnlySpan<ImportKind>)[ImportKind.Plain, ImportKind.Public, ImportKind.Weak])
            {
                foreach (var import in file.Imports.Where(i => i.Kind == kind))
                {
                    sb.Append("import ").Append(kind switch { ImportKind.Public => "public ", ImportKind.Weak => "weak ", _ => "" })
                      .Append('"').Append(import.Path).Append("\";\n");
                }
            }
        }
        if (file.Options.Count > 0)
        {
            sb.Append('\n');
            foreach (var option in file.Options) sb.Append(OptionStatement(option));
        }
        if (file.Messages.Count > 0 || file.Enums.Count > 0)
        {
            sb.Append('\n');
            foreach (var message in file.Messages) sb.Append(Message(message));
            foreach (var decl in file.Enums) sb.Append(Enum(decl));
        }
        if (file.Extends.Count > 0)
        {
            sb.Append('\n');
            foreach (var extend in file.Extends) sb.Append(Extend(extend));
        }
        if (file.Services.Count > 0)
        {
            sb.Append('\n');
            foreach (var service in file.Services) sb.Append(Service(service));
        }
        return sb.ToString();
    }

    private static string Message(MessageDecl message)
    {
        var sb = new StringBuilder("message ").Append(message.Name).Append(" {");
        Section(sb, message.Reserved, r => Ranges("reserved", r));
        Section(sb, message.Options, OptionStatement);
        Section(sb, message.Fields, Field);
        Section(sb, message.Oneofs, Oneof);
        Section(sb, message.Extensions, r => Ranges("extensions", r));
        Section(sb, message.Extends, Extend);
        if (message.Messages.Count > 0 || message.Enums.Count > 0)
        {
            sb.Append('\n');
            foreach (var nested in message.Messages) AppendIndented(sb, Message(nested));
            foreach (var nested in message.Enums) AppendIndented(sb, Enum(nested));
        }
        return sb.Append("}\n").ToString();
    }

    // Each non-empty section starts with a newline: the first ends the "{" line, the others leave a blank line.
    private static void Section<T>(StringBuilder sb, List<T> items, Func<T, string> print)
    {
        if (items.Count == 0) return;
        sb.Append('\n');
        foreach (var item in items) AppendIndented(sb, print(item));
    }

    private static string Enum(EnumDecl decl)
    {
        var sb = new StringBuilder("enum ").Append(decl.Name).Append(" {");
        Section(sb, decl.Reserved, r => Ranges("reserved", r));
        // Confluent puts no blank line between enum options and values, and none after reserved either.
        if (decl.Reserved.Count == 0 && (decl.Options.Count > 0 || decl.Values.Count > 0)) sb.Append('\n');
        foreach (var option in decl.Options) AppendIndented(sb, OptionStatement(option));
        foreach (var value in decl.Values)
        {
            var line = new StringBuilder(value.Name).Append(" = ").Append(value.Number.ToString(CultureInfo.InvariantCulture));
            if (value.Options.Count > 0) line.Append(' ').Append(OptionList(value.Options.Select(Option).ToList()));
            AppendIndented(sb, line.Append(";\n").ToString());
        }
        return sb.Append("}\n").ToString();
    }

    private static string Oneof(OneofDecl oneof)
    {
        var sb = new StringBuilder("oneof ").Append(oneof.Name).Append(" {");
        Section(sb, oneof.Options, OptionStatement);
        Section(sb, oneof.Fields, Field);
        return sb.Append("}\n").ToString();
    }

    private static string Extend(ExtendDecl extend)
    {
        var sb = new StringBuilder("extend ").Append(extend.Extendee).Append(" {");
        Section(sb, extend.Fields, Field);
        return sb.Append("}\n").ToString();
    }

    private static string Service(ServiceDecl service)
    {
        var sb = new StringBuilder("service ").Append(service.Name).Append(" {");
        Section(sb, service.Options, OptionStatement);
        Section(sb, service.Rpcs, Rpc);
        return sb.Append("}\n").ToString();
    }

    private static string Rpc(RpcDecl rpc)
    {
        var sb = new StringBuilder("rpc ").Append(rpc.Name).Append(" (");
        if (rpc.RequestStreaming) sb.Append("stream ");
        sb.Append(rpc.RequestType).Append(") returns (");
        if (rpc.ResponseStreaming) sb.Append("stream ");
        sb.Append(rpc.ResponseType).Append(')');
        if (rpc.Options.Count > 0)
        {
            sb.Append(" {\n");
            foreach (var option in rpc.Options) AppendIndented(sb, OptionStatement(option));
            sb.Append('}');
        }
        return sb.Append(";\n").ToString();
    }

    private static string Field(FieldDecl field)
    {
        var sb = new StringBuilder();
        if (field.Label is not null) sb.Append(field.Label).Append(' ');
        sb.Append(field.Type).Append(' ').Append(field.Name).Append(" = ").Append(field.Number.ToString(CultureInfo.InvariantCulture));
        var options = field.Options.Select(Option).ToList();
        if (field.Default is not null) options.Add("default = " + Value(field.Default));
        if (field.JsonName is not null) options.Add("json_name = \"" + Escape(field.JsonName) + "\"");
        if (options.Count > 0) sb.Append(' ').Append(OptionList(options));
        return sb.Append(";\n").ToString();
    }

    private static string Ranges(string keyword, ReservedDecl decl)
    {
        var parts = decl.Items.Select(item => item.Name is not null
            ? "\"" + item.Name + "\""
            : !item.IsRange
                ? item.Start.ToString(CultureInfo.InvariantCulture)
                : item.Start.ToString(CultureInfo.InvariantCulture) + " to " +
                  (item.End >= ReservedItem.MaxFieldNumber ? "max" : item.End.ToString(CultureInfo.InvariantCulture)));
        return keyword + " " + string.Join(", ", parts) + ";\n";
    }

    private static string OptionStatement(OptionDecl option) => "option " + Option(option) + ";\n";

    /// <summary>One option as <c>name = value</c>.</summary>
    public static string Option(OptionDecl option) => option.Name + " = " + Value(option.Value);

    // One option stays on the field's line; several go one per line, as Confluent's appendOptions prints them.
    private static string OptionList(List<string> options)
    {
        if (options.Count == 1) return "[" + options[0] + "]";
        var sb = new StringBuilder("[\n");
        for (var i = 0; i < options.Count; i++) AppendIndented(sb, options[i] + (i < options.Count - 1 ? "," : ""));
        return sb.Append(']').ToString();
    }

    /// <summary>An option value as printed.</summary>
    public static string Value(OptionValue value)
    {
        switch (value.Kind)
        {
            case OptionValueKind.String:
                return "\"" + Escape(value.Text) + "\"";
            case OptionValueKind.Aggregate:
            {
                var sb = new StringBuilder("{\n");
                for (var i = 0; i < value.Fields.Count; i++)
                {
                    var (key, member) = value.Fields[i];
                    AppendIndented(sb, key + ": " + Value(member) + (i < value.Fields.Count - 1 ? "," : ""));
                }
                return sb.Append('}').ToString();
            }
            case OptionValueKind.List:
            {
                var sb = new StringBuilder("[\n");
                for (var i = 0; i < value.Items.Count; i++)
                    AppendIndented(sb, Value(value.Items[i]) + (i < value.Items.Count - 1 ? "," : ""));
                return sb.Append(']').ToString();
            }
            default:
                return value.Text;
        }
    }

    /// <summary>Escapes a string literal the way Confluent's <c>escapeChars</c> does.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    // Every line of a nested block gets two spaces, blank lines too (Wire's appendIndented).
    private static void AppendIndented(StringBuilder sb, string value)
    {
        var lines = value.Split('\n');
        var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++) sb.Append("  ").Append(lines[i]).Append('\n');
    }
}
