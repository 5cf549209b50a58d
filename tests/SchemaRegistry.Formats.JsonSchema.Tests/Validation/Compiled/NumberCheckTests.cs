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
        var validator = Parse("""{"minimum":-5,"exclusiveMaximum":10,"multipleOf":3}""").CompileValidator();
        using var document = JsonDocument.Parse(value);
        validator.Validate(document.RootElement).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("2.5", true)]
    [InlineData("3", false)]
    [InlineData("2.5000000000000000001", false)]
    [InlineData("-1", false)]
    public void Decimal_limits(string value, bool valid)
    {
        var validator = Parse("""{"maximum":2.5,"exclusiveMinimum":-1}""").CompileValidator();
        using var document = JsonDocument.Parse(value);
        validator.Validate(document.RootElement).IsValid.ShouldBe(valid);
    }
}
