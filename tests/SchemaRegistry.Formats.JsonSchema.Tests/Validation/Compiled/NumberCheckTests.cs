using System.Text.Json;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>Numeric bounds: integers against integer limits are compared as longs, everything else exactly in decimal.</summary>
public sealed class NumberCheckTests
{
    [Theory]
    [InlineData("-6", false)]
    [InlineData("-3", true)]
    [InlineData("0", true)]
    [InlineData("-0", true)]
    [InlineData("9", true)]
    [InlineData("10", false)]
    [InlineData("12", false)]
    [InlineData("9.0", true)]
    [InlineData("3e0", true)]
    [InlineData("4", false)]
    [InlineData("9223372036854775807", false)]
    [InlineData("-99999999999999999999", false)]
    public void Integer_limits_and_divisor(string value, bool valid)
    {
        ElementVerdictIs("""{"minimum":-5,"exclusiveMaximum":10,"multipleOf":3}""", value, valid);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("2.5", true)]
    [InlineData("3", false)]
    [InlineData("2.5000000000000000001", false)]
    [InlineData("-1", false)]
    public void Decimal_limits(string value, bool valid)
    {
        ElementVerdictIs("""{"maximum":2.5,"exclusiveMinimum":-1}""", value, valid);
    }

    [Theory]
    [InlineData("0.93", true)]
    [InlineData("1.0", true)]
    [InlineData("1.000000000000000", true)]
    [InlineData("1.0000000000000001", false)]
    [InlineData("1.00000000000000001", false)] // 18 digits: still exact in integers
    [InlineData("1.000000000000000001", false)] // 19 digits: left to the decimals
    [InlineData("-0.0", true)]
    [InlineData("-0.42", false)]
    [InlineData("0.5e0", true)]
    [InlineData("1.5", false)]
    [InlineData("0.000000000000000001", true)]
    public void Fractions_against_integer_limits(string value, bool valid)
    {
        var validator = ElementVerdictIs("""{"minimum":0,"maximum":1}""", value, valid);
        // The stream path agrees where it decides.
        if (validator.IsCertainlyValid(System.Text.Encoding.UTF8.GetBytes(value), 64, out _)) valid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("-0.5", true)]
    [InlineData("-1.5", false)]
    [InlineData("999999999999999999.5", false)]
    [InlineData("-999999999999999999", false)]
    [InlineData("2.25", true)]
    public void Fractions_against_large_and_negative_integer_limits(string value, bool valid)
    {
        var validator = ElementVerdictIs("""{"exclusiveMinimum":-1,"maximum":999999999999999999}""", value, valid);
        validator.IsCertainlyValid(System.Text.Encoding.UTF8.GetBytes(value), 64, out _).ShouldBe(valid);
    }

    /// <summary>Asserts the element path's verdict on <paramref name="value"/>; answers the validator for further checks.</summary>
    private static SchemaRegistry.Core.Formats.IDataValidator ElementVerdictIs(string schema, string value, bool valid)
    {
        var validator = Parse(schema).CompileValidator();
        using var document = JsonDocument.Parse(value);
        validator.Validate(document.RootElement).IsValid.ShouldBe(valid);
        return validator;
    }

    [Theory]
    [InlineData("-12.50", true, -1250L, 2)]
    [InlineData("7", true, 7L, 0)]
    [InlineData("-0", true, 0L, 0)]
    [InlineData("1e3", false, 0L, 0)]
    [InlineData("1234567890123456789", false, 0L, 0)]
    public void Reads_fixed_point_text(string text, bool read, long mantissa, int scale)
    {
        SchemaRegistry.Formats.JsonSchema.Validation.Compiled.NumberCheck.TryFixedPoint(System.Text.Encoding.UTF8.GetBytes(text), out var m, out var s).ShouldBe(read);
        if (!read) return;
        m.ShouldBe(mantissa);
        s.ShouldBe(scale);
    }
}
