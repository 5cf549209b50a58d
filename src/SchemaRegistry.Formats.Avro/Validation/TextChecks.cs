using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>bytes: a string of ISO-8859-1 characters, one per byte.</summary>
internal sealed class BytesCheck(string schemaPath) : ValueCheck(schemaPath)
{
    public override bool Accepts(JsonElement value, int depth) => value.ValueKind == JsonValueKind.String && Latin1.TryMeasure(value, out _);

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.String) Fail(errors, instancePath, "type", $"Expected bytes (a string of characters U+0000 to U+00FF), found {Describe(value)}.");
        else if (!Latin1.TryMeasure(value, out _)) Fail(errors, instancePath, "bytes", "Bytes are written as characters U+0000 to U+00FF (one per byte); this string has a character above U+00FF.");
    }
}

/// <summary>fixed: a string of exactly <c>size</c> ISO-8859-1 characters.</summary>
internal sealed class FixedCheck(int size, string schemaPath) : ValueCheck(schemaPath)
{
    public override bool Accepts(JsonElement value, int depth) =>
        value.ValueKind == JsonValueKind.String && Latin1.TryMeasure(value, out var length) && length == size;

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.String)
            Fail(errors, instancePath, "type", $"Expected a fixed of {size} bytes (a string of {size} characters U+0000 to U+00FF), found {Describe(value)}.");
        else if (!Latin1.TryMeasure(value, out var length))
            Fail(errors, instancePath, "bytes", "Bytes are written as characters U+0000 to U+00FF (one per byte); this string has a character above U+00FF.");
        else if (length != size)
            Fail(errors, instancePath, "size", $"Expected exactly {size} bytes, found {length}.", SchemaPath + "/size");
    }
}

/// <summary>enum: one of the symbols, as a string.</summary>
internal sealed class EnumCheck : ValueCheck
{
    private const int LinearLimit = 16;
    private readonly IReadOnlyList<string> _symbols;
    private readonly byte[][] _utf8;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EnumCheck(IReadOnlyList<string> symbols, string schemaPath) : base(schemaPath)
    {
        _symbols = symbols;
        _utf8 = [.. symbols.Select(Encoding.UTF8.GetBytes)];
        _lookup = symbols.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override bool Accepts(JsonElement value, int depth) => value.ValueKind == JsonValueKind.String && IsSymbol(value);

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.String) Fail(errors, instancePath, "type", $"Expected an enum symbol (a string), found {Describe(value)}.");
        else if (!IsSymbol(value))
            Fail(errors, instancePath, "enum", $"\"{value.GetString()}\" is not a symbol of the enum; expected one of {string.Join(", ", _symbols.Take(10))}{(_symbols.Count > 10 ? "..." : "")}.", SchemaPath + "/symbols");
    }

    private bool IsSymbol(JsonElement value)
    {
        if (_utf8.Length <= LinearLimit)
        {
            foreach (var symbol in _utf8)
            {
                if (value.ValueEquals(symbol)) return true;
            }
            return false;
        }
        // Symbols are plain names (letters, digits, underscores): a match has no escapes and fits on the stack.
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.Length > 256 || raw.Contains((byte)'\\')) return _lookup.Contains(value.GetString().AsSpan()); // rare: escaped text
        Span<char> chars = stackalloc char[256];
        var count = Encoding.UTF8.GetChars(raw, chars);
        return _lookup.Contains(chars[..count]);
    }
}
