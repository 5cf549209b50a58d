using System.Globalization;
using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// A recursive-descent parser for the proto2/proto3 grammar that builds a <see cref="ProtoFile"/> as written. It checks
/// the grammar only; names, types and numbers are checked by protobuf-net.Reflection afterwards. Errors are
/// <see cref="ProtoSyntaxException"/>s with the 1-based line and column of the offending token.
/// </summary>
internal sealed partial class ProtoSyntaxParser
{
    private static readonly HashSet<string> Labels = ["optional", "required", "repeated"];

    /// <summary>
    /// How deep messages and option aggregates may nest. protoc allows about as much; the limit keeps the recursive
    /// descent (and everything downstream that walks the tree) far from the end of the stack on hostile input.
    /// </summary>
    public const int MaxNesting = 64;

    private int _nesting;

    private readonly List<Token> _tokens;
    private int _at;

    private ProtoSyntaxParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses a whole file; throws <see cref="ProtoSyntaxException"/> with the position on bad input.</summary>
    public static ProtoFile Parse(string text) => new ProtoSyntaxParser(Tokenizer.Tokenize(text)).ParseFile();

    private Token Current => _tokens[_at];

    private Token Next() => _tokens[_at++];

    private bool Accept(string symbolOrWord)
    {
        if (!Current.Is(symbolOrWord)) return false;
        _at++;
        return true;
    }

    private Token Expect(string symbolOrWord)
    {
        if (!Current.Is(symbolOrWord)) throw Error(Current, $"expected '{symbolOrWord}' but found {Current.Describe()}");
        return Next();
    }

    private static ProtoSyntaxException Error(Token token, string message) => new(token.Line, token.Column, message);

    private string ExpectIdentifier(string what)
    {
        if (Current.Kind != TokenKind.Identifier) throw Error(Current, $"expected {what} but found {Current.Describe()}");
        return Next().Text;
    }

    private string ExpectString(string what)
    {
        if (Current.Kind != TokenKind.String) throw Error(Current, $"expected {what} (a string literal) but found {Current.Describe()}");
        return Next().Text;
    }

    /// <summary>A dotted name, optionally absolute (<c>.a.b.C</c>), as written but without spaces.</summary>
    private string ExpectTypeName(string what)
    {
        var sb = new StringBuilder();
        if (Accept(".")) sb.Append('.');
        sb.Append(ExpectIdentifier(what));
        while (Current.Is(".") )
        {
            Next();
            sb.Append('.').Append(ExpectIdentifier(what));
        }
        return sb.ToString();
    }

    private int ExpectInteger(string what, bool allowNegative = false)
    {
        var negative = allowNegative && Accept("-");
        var token = Current;
        if (token.Kind != TokenKind.Number) throw Error(token, $"expected {what} but found {token.Describe()}");
        Next();
        if (!TryParseInteger(token.Text, out var value) || (negative ? -value < int.MinValue : value > int.MaxValue))
            throw Error(token, $"{what} '{token.Text}' is not a 32-bit integer");
        return (int)(negative ? -value : value);
    }

    private static bool TryParseInteger(string text, out long value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
        if (text.Length > 1 && text[0] == '0' && text.All(char.IsAsciiDigit))
        {
            value = 0;
            foreach (var c in text)
            {
                if (c > '7') return false;
                value = value * 8 + (c - '0');
                if (value > uint.MaxValue) return false;
            }
            return true;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private ProtoFile ParseFile()
    {
        var file = new ProtoFile();
        var first = true;
        while (Current.Kind != TokenKind.End)
        {
            var token = Current;
            if (Accept(";")) continue;
            switch (token.Text)
            {
                case "syntax" when token.Kind == TokenKind.Identifier:
                    if (!first) throw Error(token, "the syntax statement must come first");
                    Next();
                    Expect("=");
                    var syntaxToken = Current;
                    var syntax = ExpectString("the syntax");
                    if (syntax is not ("proto2" or "proto3"))
                        throw Error(syntaxToken, $"unknown syntax \"{syntax}\"; use \"proto2\" or \"proto3\"");
                    file.Syntax = syntax;
                    Expect(";");
                    break;
                case "edition" when token.Kind == TokenKind.Identifier:
                    throw Error(token, "Protobuf editions are not supported; use syntax = \"proto2\" or \"proto3\"");
                case "package" when token.Kind == TokenKind.Identifier:
                    Next();
                    if (file.Package is not null) throw Error(token, "a file has at most one package statement");
                    file.Package = ExpectTypeName("a package name");
                    Expect(";");
                    break;
                case "import" when token.Kind == TokenKind.Identifier:
                    Next();
                    var kind = Accept("public") ? ImportKind.Public : Accept("weak") ? ImportKind.Weak : ImportKind.Plain;
                    file.Imports.Add(new ImportDecl(ExpectString("the imported file"), kind));
                    Expect(";");
                    break;
                case "option" when token.Kind == TokenKind.Identifier:
                    Next();
                    file.Options.Add(ParseOptionStatement());
                    break;
                case "message" when token.Kind == TokenKind.Identifier:
                    Next();
                    file.Messages.Add(ParseMessage());
                    break;
                case "enum" when token.Kind == TokenKind.Identifier:
                    Next();
                    file.Enums.Add(ParseEnum());
                    break;
                case "service" when token.Kind == TokenKind.Identifier:
                    Next();
                    file.Services.Add(ParseService());
                    break;
                case "extend" when token.Kind == TokenKind.Identifier:
                    Next();
                    file.Extends.Add(ParseExtend());
                    break;
                default:
                    throw Error(token, $"expected a top-level declaration (syntax, package, import, option, message, enum, service, extend) but found {token.Describe()}");
            }
            first = false;
        }
        return file;
    }

    private MessageDecl ParseMessage()
    {
        var message = new MessageDecl(ExpectIdentifier("a message name"));
        Enter();
        Expect("{");
        while (!Accept("}"))
        {
            var token = Current;
            if (token.Kind == TokenKind.End) throw Error(token, $"message '{message.Name}' is not closed: expected '}}'");
            if (Accept(";")) continue;
            if (token.Kind == TokenKind.Identifier)
            {
                switch (token.Text)
                {
                    case "message" when Peek(1).Kind == TokenKind.Identifier:
                        Next();
                        message.Messages.Add(ParseMessage());
                        continue;
                    case "enum" when Peek(1).Kind == TokenKind.Identifier:
                        Next();
                        message.Enums.Add(ParseEnum());
                        continue;
                    case "extend" when StartsName(Peek(1)):
                        Next();
                        message.Extends.Add(ParseExtend());
                        continue;
                    case "option" when StartsOptionName(Peek(1)):
                        Next();
                        message.Options.Add(ParseOptionStatement());
                        continue;
                    case "oneof" when Peek(1).Kind == TokenKind.Identifier && Peek(2).Is("{"):
                        Next();
                        message.Oneofs.Add(ParseOneof());
                        continue;
                    case "reserved" when Peek(1).Kind is TokenKind.Number or TokenKind.String:
                        Next();
                        message.Reserved.Add(ParseRanges(allowNames: true));
                        continue;
                    case "extensions" when Peek(1).Kind == TokenKind.Number:
                        Next();
                        message.Extensions.Add(ParseRanges(allowNames: false));
                        continue;
                }
            }
            message.Fields.Add(ParseField(inOneof: false));
        }
        _nesting--;
        return message;
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting) throw Error(Current, $"declarations nest deeper than {MaxNesting} levels");
    }

    private Token Peek(int ahead) => _tokens[Math.Min(_at + ahead, _tokens.Count - 1)];

    // Keywords are not reserved in .proto ("message message = 1;" is legal), so a keyword starts a statement only
    // when the token after it fits that statement.
    private static bool StartsName(Token token) => token.Kind == TokenKind.Identifier || token.Is(".");

    private static bool StartsOptionName(Token token) => token.Kind == TokenKind.Identifier || token.Is("(");

    private FieldDecl ParseField(bool inOneof)
    {
        string? label = null;
        if (Current.Kind == TokenKind.Identifier && Labels.Contains(Current.Text) && StartsName(Peek(1)))
        {
            var labelToken = Next();
            if (inOneof) throw Error(labelToken, $"fields in a oneof cannot have a label ('{labelToken.Text}')");
            label = labelToken.Text;
        }
        if (Current.Is("group") && Peek(1).Kind == TokenKind.Identifier && Peek(2).Is("="))
            throw Error(Current, "proto2 groups are not supported; declare a nested message and a field of that type");

        string type;
        (string, string)? map = null;
        if (Current.Is("map") && Peek(1).Is("<"))
        {
            var mapToken = Next();
            if (label is not null) throw Error(mapToken, "map fields cannot have a label");
            Next();
            var key = ExpectTypeName("a map key type");
            Expect(",");
            var value = ExpectTypeName("a map value type");
            Expect(">");
            map = (key, value);
            type = $"map<{key}, {value}>";
        }
        else
        {
            type = ExpectTypeName("a field type");
        }
        var name = ExpectIdentifier("a field name");
        Expect("=");
        var number = ExpectInteger("a field number");
        var field = new FieldDecl(label, type, name, number) { Map = map };
        if (Accept("["))
        {
            do
            {
                var optionToken = Current;
                var option = ParseOption();
                if (option.Name == "default")
                {
                    if (field.Default is not null) throw Error(optionToken, "the default is given twice");
                    field.Default = option.Value;
                }
                else if (option.Name == "json_name")
                {
                    if (option.Value.Kind != OptionValueKind.String) throw Error(optionToken, "json_name must be a string");
                    field.JsonName = option.Value.Text;
                }
                else
                {
                    field.Options.Add(option);
                }
            }
            while (Accept(","));
            Expect("]");
        }
        Expect(";");
        return field;
    }

    private OneofDecl ParseOneof()
    {
        var oneof = new OneofDecl(ExpectIdentifier("a oneof name"));
        Expect("{");
        while (!Accept("}"))
        {
            if (Current.Kind == TokenKind.End) throw Error(Current, $"oneof '{oneof.Name}' is not closed: expected '}}'");
            if (Accept(";")) continue;
            if (Current.Is("option") && StartsOptionName(Peek(1)))
            {
                Next();
                oneof.Options.Add(ParseOptionStatement());
                continue;
            }
            oneof.Fields.Add(ParseField(inOneof: true));
        }
        return oneof;
    }

    private EnumDecl ParseEnum()
    {
        var decl = new EnumDecl(ExpectIdentifier("an enum name"));
        Expect("{");
        while (!Accept("}"))
        {
            var token = Current;
            if (token.Kind == TokenKind.End) throw Error(token, $"enum '{decl.Name}' is not closed: expected '}}'");
            if (Accept(";")) continue;
            if (token.Is("option") && StartsOptionName(Peek(1)))
            {
                Next();
                decl.Options.Add(ParseOptionStatement());
                continue;
            }
            if (token.Is("reserved") && (Peek(1).Kind is TokenKind.Number or TokenKind.String || Peek(1).Is("-")))
            {
                Next();
                decl.Reserved.Add(ParseRanges(allowNames: true, allowNegative: true));
                continue;
            }
            var name = ExpectIdentifier("an enum value name");
            Expect("=");
            var value = new EnumValueDecl(name, ExpectInteger("an enum value number", allowNegative: true));
            if (Accept("["))
            {
                do value.Options.Add(ParseOption());
                while (Accept(","));
                Expect("]");
            }
            Expect(";");
            decl.Values.Add(value);
        }
        return decl;
    }

    private ServiceDecl ParseService()
    {
        var service = new ServiceDecl(ExpectIdentifier("a service name"));
        Expect("{");
        while (!Accept("}"))
        {
            var token = Current;
            if (token.Kind == TokenKind.End) throw Error(token, $"service '{service.Name}' is not closed: expected '}}'");
            if (Accept(";")) continue;
            if (Accept("option"))
            {
                service.Options.Add(ParseOptionStatement());
                continue;
            }
            Expect("rpc");
            var name = ExpectIdentifier("an rpc name");
            Expect("(");
            var requestStreaming = Current.Is("stream") && StartsName(Peek(1)) && Accept("stream");
            var request = ExpectTypeName("a request type");
            Expect(")");
            Expect("returns");
            Expect("(");
            var responseStreaming = Current.Is("stream") && StartsName(Peek(1)) && Accept("stream");
            var response = ExpectTypeName("a response type");
            Expect(")");
            var rpc = new RpcDecl(name, request, requestStreaming, response, responseStreaming);
            if (Accept("{"))
            {
                while (!Accept("}"))
                {
                    if (Current.Kind == TokenKind.End) throw Error(Current, $"rpc '{name}' is not closed: expected '}}'");
                    if (Accept(";")) continue;
                    Expect("option");
                    rpc.Options.Add(ParseOptionStatement());
                }
                Accept(";");
            }
            else
            {
                Expect(";");
            }
            service.Rpcs.Add(rpc);
        }
        return service;
    }

    private ExtendDecl ParseExtend()
    {
        var extend = new ExtendDecl(ExpectTypeName("the extended message"));
        Expect("{");
        while (!Accept("}"))
        {
            if (Current.Kind == TokenKind.End) throw Error(Current, $"extend '{extend.Extendee}' is not closed: expected '}}'");
            if (Accept(";")) continue;
            extend.Fields.Add(ParseField(inOneof: false));
        }
        return extend;
    }

    private ReservedDecl ParseRanges(bool allowNames, bool allowNegative = false)
    {
        var decl = new ReservedDecl();
        do
        {
            if (Current.Kind == TokenKind.String)
            {
                if (!allowNames) throw Error(Current, "extension ranges take numbers, not names");
                decl.Items.Add(ReservedItem.OfName(Next().Text));
                continue;
            }
            var start = ExpectInteger("a number", allowNegative);
            if (Accept("to"))
            {
                var end = Accept("max") ? ReservedItem.MaxFieldNumber : ExpectInteger("a number", allowNegative);
                decl.Items.Add(ReservedItem.Range(start, end));
            }
            else
            {
                decl.Items.Add(ReservedItem.Number(start));
            }
        }
        while (Accept(","));
        // Extension range options ([declaration = ...], [verification = ...]) change nothing this registry checks.
        if (Accept("["))
        {
            do ParseOption();
            while (Accept(","));
            Expect("]");
        }
        Expect(";");
        return decl;
    }
}
