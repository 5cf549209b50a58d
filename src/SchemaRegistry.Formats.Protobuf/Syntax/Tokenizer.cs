using System.Globalization;
using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// Splits .proto text into tokens, dropping whitespace and comments. String literals are unescaped here (C-style
/// escapes, octal, hex and \u/\U), so the printer can re-escape them one way (Confluent's <c>escapeChars</c>).
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        var previousWasString = false;
        while (true)
        {
            SkipTrivia(text, ref i, ref line, ref lineStart);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", line, i - lineStart + 1));
                return tokens;
            }
            var column = i - lineStart + 1;
            var c = text[i];
            if (IsIdentifierStart(c))
            {
                var start = i;
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                ReadNumber(text, ref i);
                tokens.Add(new Token(TokenKind.Number, text[start..i], line, column));
            }
            else if (c is '"' or '\'')
            {
                var value = ReadString(text, ref i, line, column);
                // Adjacent literals are one string ("a" "b" is "ab"), as protoc reads them.
                if (previousWasString)
                    tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + value };
                else
                    tokens.Add(new Token(TokenKind.String, value, line, column));
                previousWasString = true;
                continue;
            }
            else if ("=;{}[]()<>,.:-+/".Contains(c, StringComparison.Ordinal))
            {
                i++;
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), line, column));
            }
            else
            {
                throw new ProtoSyntaxException(line, column, $"unexpected character '{c}'");
            }
            previousWasString = false;
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static void SkipTrivia(string text, ref int i, ref int line, ref int lineStart)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var (startLine, startColumn) = (line, i - lineStart + 1);
                i += 2;
                while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    if (text[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                if (i >= text.Length) throw new ProtoSyntaxException(startLine, startColumn, "unterminated /* comment");
                i += 2;
            }
            else
            {
                return;
            }
        }
    }

    private static void ReadNumber(string text, ref int i)
    {
        if (text[i] == '0' && i + 1 < text.Length && (text[i + 1] is 'x' or 'X'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i])) i++;
            return;
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '.' || c == '_')
            {
                // An exponent sign belongs to the number: 1e-5.
                if ((c is 'e' or 'E') && i + 1 < text.Length && (text[i + 1] is '+' or '-'))
                    i++;
                i++;
            }
            else
            {
                return;
            }
        }
    }

    private static string ReadString(string text, ref int i, int line, int column)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || text[i] == '\n')
                throw new ProtoSyntaxException(line, column, "unterminated string literal");
            var c = text[i++];
            if (c == quote) return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (i >= text.Length) throw new ProtoSyntaxException(line, column, "unterminated string literal");
            var e = text[i++];
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': case '\'': case '"': case '?': sb.Append(e); break;
                case 'x' or 'X':
                    sb.Append((char)ReadDigits(text, ref i, 16, 2, line, column));
                    break;
                case 'u':
                    AppendCodePoint(sb, ReadDigits(text, ref i, 16, 4, line, column, exact: true), line, column);
                    break;
                case 'U':
                    AppendCodePoint(sb, ReadDigits(text, ref i, 16, 8, line, column, exact: true), line, column);
                    break;
                case >= '0' and <= '7':
                    i--;
                    sb.Append((char)ReadDigits(text, ref i, 8, 3, line, column));
                    break;
                default:
                    throw new ProtoSyntaxException(line, column, $"invalid escape '\\{e}' in string literal");
            }
        }
    }

    private static void AppendCodePoint(StringBuilder sb, int codePoint, int line, int column)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF) throw new ProtoSyntaxException(line, column, "a \\u escape cannot name a surrogate");
        sb.Append(char.ConvertFromUtf32(codePoint));
    }

    private static int ReadDigits(string text, ref int i, int radix, int max, int line, int column, bool exact = false)
    {
        var start = i;
        while (i < text.Length && i - start < max && IsDigit(text[i], radix)) i++;
        if (i == start || (exact && i - start != max))
            throw new ProtoSyntaxException(line, column, "invalid numeric escape in string literal");
        var value = radix == 16
            ? (int)Math.Min(long.Parse(text.AsSpan(start, i - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.MaxValue)
            : Convert.ToInt32(text[start..i], 8);
        if (value > 0x10FFFF) throw new ProtoSyntaxException(line, column, "escape out of range in string literal");
        return value;
    }

    private static bool IsDigit(char c, int radix) => radix == 16 ? char.IsAsciiHexDigit(c) : c is >= '0' and <= '7';
}
