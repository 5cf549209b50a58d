using System.Text.Json;
using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary><c>type</c>: a set of JSON types; an integer-valued number (1.0) is an integer, as the library decides it.</summary>
internal sealed class TypeCheck(SchemaNode node, SchemaValueType expected) : Check(node)
{
    /// <summary>The types allowed.</summary>
    public SchemaValueType Expected => expected;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (Matches(instance)) return true;
        if (context.Collecting) context.Report(Node, "type", Messages.Type(instance.Element, instance.IsName, expected));
        return false;
    }

    private bool Matches(in Instance instance)
    {
        switch (instance.Kind)
        {
            case JsonValueKind.Object: return (expected & SchemaValueType.Object) != 0;
            case JsonValueKind.Array: return (expected & SchemaValueType.Array) != 0;
            case JsonValueKind.String: return (expected & SchemaValueType.String) != 0;
            case JsonValueKind.True:
            case JsonValueKind.False: return (expected & SchemaValueType.Boolean) != 0;
            case JsonValueKind.Null: return (expected & SchemaValueType.Null) != 0;
            default:
                if ((expected & SchemaValueType.Number) != 0) return true;
                if ((expected & SchemaValueType.Integer) == 0) return false;
                // The library's two tests, in its order: fits a long, or is a double with no fractional part.
                var element = instance.Element;
                return element.TryGetInt64(out _) || element.TryGetDouble(out var value) && value == Math.Truncate(value);
        }
    }
}

/// <summary><c>enum</c>: equal to one of the values. Strings are looked up by their UTF-8 bytes in one table.</summary>
internal sealed class EnumCheck : Check
{
    private readonly JsonElement[] _values;
    private readonly JsonElement[] _nonStrings;
    private readonly Utf8Lookup _strings;

    public EnumCheck(SchemaNode node, JsonElement values) : base(node)
    {
        _values = [.. values.EnumerateArray()];
        _nonStrings = [.. _values.Where(v => v.ValueKind != JsonValueKind.String)];
        _strings = new Utf8Lookup(_values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
        Raw = values;
    }

    private JsonElement Raw { get; }

    /// <summary>The string values, by their UTF-8 text.</summary>
    public Utf8Lookup Strings => _strings;

    /// <summary>True when some value is not a string.</summary>
    public bool HasNonStrings => _nonStrings.Length > 0;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind == JsonValueKind.String ? _strings.Find(instance.RawString) >= 0 : MatchesNonString(instance.Element)) return true;
        if (context.Collecting) context.Report(Node, "enum", Messages.Enum());
        return false;
    }

    private bool MatchesNonString(JsonElement element)
    {
        foreach (var value in _nonStrings)
        {
            if (JsonEquality.AreEqual(element, value)) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"enum {Raw.GetRawText()}";
}

/// <summary><c>const</c>: equal to the value.</summary>
internal sealed class ConstCheck(SchemaNode node, JsonElement expected) : Check(node)
{
    /// <summary>The value.</summary>
    public JsonElement Expected => expected;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (JsonEquality.AreEqual(instance, expected)) return true;
        if (context.Collecting) context.Report(Node, "const", Messages.Const(expected));
        return false;
    }
}

/// <summary>The numeric bounds (<c>minimum</c>, <c>maximum</c>, the exclusive ones) and <c>multipleOf</c> of one subschema.</summary>
internal sealed class NumberCheck : Check
{
    private readonly Bound[] _bounds;
    private readonly JsonElement? _multipleOf;
    private readonly ParsedNumber? _divisor;

    public NumberCheck(SchemaNode node, IReadOnlyList<(string Keyword, JsonElement Limit)> bounds, JsonElement? multipleOf) : base(node)
    {
        _bounds = [.. bounds.Select(b => new Bound(b.Keyword, b.Limit, new ParsedNumber(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(b.Limit))))];
        _multipleOf = multipleOf;
        _divisor = multipleOf is { } m ? new ParsedNumber(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(m)) : null;
        // Integer bounds (and an integer divisor) let integer values be compared as longs, exactly, without the
        // decimal parse; any other limit leaves every value to DecimalNumber.
        var limits = bounds.Select(b => b.Limit.TryGetInt64(out var limit) ? limit : (long?)null).ToList();
        long? divisorValue = multipleOf is { } d ? (d.TryGetInt64(out var value) && value > 0 ? value : null) : 0;
        if (limits.All(l => l is not null) && divisorValue is not null)
        {
            _integerLimits = [.. limits.Select(l => l!.Value)];
            _integerDivisor = divisorValue.Value;
        }
    }

    private readonly long[]? _integerLimits;
    private readonly long _integerDivisor; // 0: no multipleOf

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Number) return true;
        if (!context.Collecting) return Holds(instance.RawNumber);
        var raw = instance.RawNumber;
        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= 64 ? stackalloc byte[64] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(raw.Length));
        var value = DecimalNumber.Parse(raw, buffer);
        var valid = true;
        foreach (var bound in _bounds)
        {
            if (Within(bound.Kind, DecimalNumber.Compare(value, bound.Number.Value))) continue;
            valid = false;
            if (!context.Collecting) break;
            context.Report(Node, bound.Keyword, Messages.Bound(TemplateOf(bound.Keyword), instance.Element.GetRawText(), bound.Limit));
        }
        if ((valid || context.Collecting) && _multipleOf is { } divisorElement)
        {
            if (!DecimalNumber.Divides(value, _divisor!.Value))
            {
                valid = false;
                if (context.Collecting) context.Report(Node, "multipleOf", Messages.MultipleOf(instance.Element.GetRawText(), divisorElement));
            }
        }
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return valid;
    }

    /// <summary>The verdict alone, from the number's text as written in the document.</summary>
    public bool Holds(ReadOnlySpan<byte> raw) =>
        TryFixedPoint(raw, out var mantissa, out var scale) ? Holds(raw, mantissa, scale) : DecimalHolds(raw);

    /// <summary>As <see cref="Holds(ReadOnlySpan{byte})"/>, for text already read by <see cref="TryFixedPoint"/>.</summary>
    public bool Holds(ReadOnlySpan<byte> raw, long mantissa, int scale)
    {
        // Against integer limits, a number written without an exponent and with at most 18 digits is compared
        // exactly as mantissa / 10^scale, in integers; a fraction against an integer divisor is left to the decimals.
        if (_integerLimits is { } limits && (scale == 0 || _integerDivisor == 0))
        {
            for (var i = 0; i < limits.Length; i++)
            {
                var comparison = scale == 0 ? mantissa.CompareTo(limits[i]) : ((Int128)mantissa).CompareTo((Int128)limits[i] * Pow10[scale]);
                if (!Within(_bounds[i].Kind, comparison)) return false;
            }
            return _integerDivisor == 0 || mantissa % _integerDivisor == 0;
        }
        return DecimalHolds(raw);
    }

    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 19).Select(e => (long)Math.Pow(10, e))];

    /// <summary>
    /// A JSON number without an exponent and with at most 18 digits, as <paramref name="mantissa"/> (signed) and
    /// <paramref name="scale"/> (digits after the point): the value is mantissa / 10^scale. False for anything else.
    /// </summary>
    internal static bool TryFixedPoint(ReadOnlySpan<byte> raw, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var i = raw.Length > 0 && raw[0] == (byte)'-' ? 1 : 0;
        var digits = 0;
        var point = -1;
        for (; i < raw.Length; i++)
        {
            var digit = (uint)(raw[i] - '0');
            if (digit <= 9)
            {
                if (++digits > 18) return false;
                mantissa = mantissa * 10 + digit;
            }
            else if (raw[i] == (byte)'.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0) return false;
        if (point >= 0) scale = raw.Length - point - 1;
        if (raw[0] == (byte)'-') mantissa = -mantissa;
        return true;
    }

    // Apart from Holds: a method with stackalloc is compiled fully optimized at once, without the profile-guided
    // tier that the integer path above gets.
    private bool DecimalHolds(ReadOnlySpan<byte> raw)
    {
        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= 64 ? stackalloc byte[64] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(raw.Length));
        var value = DecimalNumber.Parse(raw, buffer);
        var holds = true;
        foreach (var bound in _bounds)
        {
            holds = Within(bound.Kind, DecimalNumber.Compare(value, bound.Number.Value));
            if (!holds) break;
        }
        if (holds && _divisor is { } divisor) holds = DecimalNumber.Divides(value, divisor.Value);
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return holds;
    }

    private static string TemplateOf(string keyword) => keyword switch
    {
        "minimum" => ErrorMessages.GetMinimum(null),
        "maximum" => ErrorMessages.GetMaximum(null),
        "exclusiveMinimum" => ErrorMessages.GetExclusiveMinimum(null),
        _ => ErrorMessages.GetExclusiveMaximum(null),
    };

    private enum BoundKind { Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum }

    /// <summary>Whether a value that compares to the limit as <paramref name="comparison"/> (-1, 0, 1) satisfies the bound.</summary>
    private static bool Within(BoundKind kind, int comparison) => kind switch
    {
        BoundKind.Minimum => comparison >= 0,
        BoundKind.Maximum => comparison <= 0,
        BoundKind.ExclusiveMinimum => comparison > 0,
        _ => comparison < 0,
    };

    private sealed record Bound(string Keyword, JsonElement Limit, ParsedNumber Number)
    {
        // Decided once here rather than by comparing keyword strings for every number validated.
        public BoundKind Kind { get; } = Keyword switch
        {
            "minimum" => BoundKind.Minimum,
            "maximum" => BoundKind.Maximum,
            "exclusiveMinimum" => BoundKind.ExclusiveMinimum,
            _ => BoundKind.ExclusiveMaximum,
        };
    }
}
