using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>Options: names (plain, custom in parentheses, dotted sub-fields) and values, including text-format aggregates.</summary>
internal sealed partial class ProtoSyntaxParser
{
    private OptionDecl ParseOptionStatement()
    {
        var option = ParseOption();
        Expect(";");
        return option;
    }

    /// <summary><c>name = value</c> where name is <c>ident</c>, <c>(full.ident)</c>, followed by <c>.ident</c> or <c>.(ext)</c> parts.</summary>
    private OptionDecl ParseOption()
    {
        var name = new StringBuilder();
        do
        {
            if (name.Length > 0) name.Append('.');
            if (Accept("("))
            {
                name.Append('(').Append(ExpectTypeName("an option name")).Append(')');
                Expect(")");
            }
            else
                name.Append(ExpectIdentifier("an option name"));
        }
        while (Accept("."));
        Expect("=");
        return new OptionDecl(name.ToString(), ParseConstant());
    }

    private OptionValue ParseConstant()
    {
        var token = Current;
        if (token.Is("{")) return ParseAggregate();
        if (token.Kind == TokenKind.String) return OptionValue.Scalar(OptionValueKind.String, Next().Text);
        var sign = "";
        if (token.Is("-") || token.Is("+"))
        {
            sign = Next().Text == "-" ? "-" : "";
            token = Current;
        }
        if (token.Kind == TokenKind.Number) return OptionValue.Scalar(OptionValueKind.Number, sign + Next().Text);
        if (token.Kind == TokenKind.Identifier) return OptionValue.Scalar(OptionValueKind.Identifier, sign + ExpectTypeName("a constant"));
        throw Error(token, $"expected an option value but found {token.Describe()}");
    }

    /// <summary>A text-format message: <c>{ a: 1 b { c: "x" } d: [1, 2] [ext.name]: v }</c> (also with <c>&lt; &gt;</c>).</summary>
    private OptionValue ParseAggregate()
    {
        Enter();
        var close = Next().Text == "<" ? ">" : "}";
        var aggregate = OptionValue.Aggregate();
        while (!Accept(close))
        {
            if (Current.Kind == TokenKind.End) throw Error(Current, $"option value is not closed: expected '{close}'");
            if (Accept(",") || Accept(";")) continue;
            string key;
            if (Accept("["))
            {
                var sb = new StringBuilder("[");
                sb.Append(ExpectTypeName("an extension name"));
                while (Accept("/")) sb.Append('/').Append(ExpectTypeName("a type name"));
                sb.Append(']');
                Expect("]");
                key = sb.ToString();
            }
            else
            {
                key = ExpectIdentifier("a field name");
            }
            OptionValue value;
            if (Accept(":"))
                value = Current.Is("[") ? ParseList() : Current.Is("{") || Current.Is("<") ? ParseAggregate() : ParseConstant();
            else if (Current.Is("{") || Current.Is("<"))
                value = ParseAggregate();
            else if (Current.Is("["))
                value = ParseList();
            else
                throw Error(Current, $"expected ':' after '{key}' but found {Current.Describe()}");
            aggregate.Fields.Add(new(key, value));
        }
        _nesting--;
        return aggregate;
    }

    private OptionValue ParseList()
    {
        Expect("[");
        var list = OptionValue.List();
        if (Accept("]")) return list;
        do list.Items.Add(Current.Is("{") || Current.Is("<") ? ParseAggregate() : ParseConstant());
        while (Accept(","));
        Expect("]");
        return list;
    }
}
