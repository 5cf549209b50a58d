using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>
/// The stream path reads the text itself (JsonCursor), without Utf8JsonReader: it must never accept text that is not
/// JSON, nor stop anywhere but at the end of the value. Checked on hand-picked edge cases and on many generated
/// near-JSON texts against Utf8JsonReader and JsonDocument.
/// </summary>
public sealed class StreamSyntaxTests
{
    // Each schema reads values its own way: skipped whole ({}), walked through properties and items, and read again
    // in place (anyOf).
    private static readonly string[] SchemaTexts =
    [
        "{}",
        """{"properties":{"a":{"type":["string","number","boolean","null","object","array"]}},"additionalProperties":{"items":{"minLength":0}},"items":{"additionalProperties":{"maxLength":1000}}}""",
        """{"anyOf":[{"type":"object","additionalProperties":{"minimum":-1e300}},{"type":"array"},{"type":["string","number","boolean","null"]}]}""",
    ];

    private static IEnumerable<IDataValidator> Validators() => SchemaTexts.Select(text => Parse(text).CompileValidator());

    [Theory]
    [InlineData("\"\\ud83d\\ude00\"")]              // an escaped surrogate pair
    [InlineData("\"caf\u00e9 \u65e5\u672c \U0001F600\"")] // UTF-8 beyond ASCII
    [InlineData("\"\\/\\\\\\\"\\b\\f\\n\\r\\t\\u0041\"")]
    [InlineData("-0.0e-0")]
    [InlineData("1E+300")]
    [InlineData(" \t\r\n[ 1 , {\"a\" : [ ] } , \"x\" ]\n")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"a\u007fb\"")]                       // DEL is not a control character for JSON
    public void Accepts_json(string json)
    {
        foreach (var validator in Validators()) Consumed(validator, json).ShouldBe(Encoding.UTF8.GetByteCount(json.TrimEnd()), json);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]        // lone high surrogate: left undecided
    [InlineData("\"\\udc00\"")]        // lone low surrogate
    [InlineData("\"\\ud800\\u0041\"")] // high surrogate followed by no low one
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"a\tb\"")]           // a raw tab inside a string
    [InlineData("\"abc")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("+1")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a:1}")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":1")]
    [InlineData("[")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("// c\n1")]
    [InlineData("\u00a01")]            // a no-break space is not JSON whitespace
    public void Refuses_what_is_not_json(string json)
    {
        foreach (var validator in Validators()) validator.IsCertainlyValid(Encoding.UTF8.GetBytes(json), 64, out _).ShouldBeFalse(json);
    }

    [Fact]
    public void Refuses_invalid_utf8_in_strings()
    {
        byte[][] texts = [[(byte)'"', 0xFF, (byte)'"'], [(byte)'"', 0xC3, (byte)'"'], [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'], [(byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}']];
        foreach (var validator in Validators())
        {
            foreach (var text in texts) validator.IsCertainlyValid(text, 64, out _).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("01", 1)]       // the value is 0: what follows is the caller's to refuse
    [InlineData("1 2", 1)]
    [InlineData("{} x", 2)]
    [InlineData("\"a\"]", 3)]
    public void Stops_at_the_end_of_the_first_value(string json, int consumed)
    {
        foreach (var validator in Validators()) Consumed(validator, json).ShouldBe(consumed);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_left_to_the_parser()
    {
        foreach (var validator in Validators())
        {
            var text = Encoding.UTF8.GetBytes("[[{\"a\":[1]}]]");
            validator.IsCertainlyValid(text, 4, out _).ShouldBeTrue();
            validator.IsCertainlyValid(text, 3, out _).ShouldBeFalse();
        }
    }

    /// <summary>
    /// Near-JSON texts built from fragments (valid, broken and borderline), each checked against Utf8JsonReader and
    /// JsonDocument: whatever the stream path accepts, up to where it stopped, they read as exactly one value, which
    /// the element path finds valid. (What follows the value is the caller's to check: "1x" is accepted as 1 here,
    /// and refused by the caller, which finds no delimiter after it.)
    /// </summary>
    [Fact]
    public void Never_accepts_what_the_parser_refuses_on_generated_texts()
    {
        string[] fragments =
        [
            "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\"a\"", "\"b\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"",
            "\"\\n\"", "\"\\q\"", "\"\u00e9\"", "\"", "\\", "1", "-0.5e+3", "01", "1.", "-", "0", "true", "false", "null", "tru",
            "\"a\":", "\"a\":1", "[1,2]", "{\"a\":[]}", "\u0001", "x",
        ];
        var random = new Random(20261126);
        var validators = Validators().ToArray();
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 12);
            for (var j = 0; j < length; j++) builder.Append(fragments[random.Next(fragments.Length)]);
            // Half the texts run on past 24 bytes, so strings also meet the cursor's one-load path (16 bytes ahead).
            if (random.Next(2) == 0) while (builder.Length < 24) builder.Append(fragments[random.Next(fragments.Length)]);
            var text = Encoding.UTF8.GetBytes(builder.ToString());
            if (random.Next(20) == 0) text[random.Next(text.Length)] = (byte)random.Next(256);
            foreach (var validator in validators)
            {
                if (!validator.IsCertainlyValid(text, 8, out var consumed))
                {
                    refused++;
                    continue;
                }
                accepted++;
                var shown = Encoding.UTF8.GetString(text);
                var reader = new Utf8JsonReader(text.AsSpan(0, consumed), new JsonReaderOptions { MaxDepth = 8 });
                reader.Read().ShouldBeTrue(shown);
                reader.Skip();
                ((int)reader.BytesConsumed).ShouldBe(consumed, shown);
                reader.Read().ShouldBeFalse(shown);
                new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text, 0, consumed); // strings are valid UTF-8
                using var document = JsonDocument.Parse(text.AsMemory(0, consumed));
                validator.Validate(document.RootElement).IsValid.ShouldBeTrue(shown);
            }
        }
        // Both answers are common, so the comparison means something.
        accepted.ShouldBeGreaterThan(3_000);
        refused.ShouldBeGreaterThan(3_000);
    }

    /// <summary>
    /// Strings of every length up to 40, with a quote, a backslash escape, a control byte or a byte beyond ASCII at
    /// every position, followed by more text: the cursor (one vector load for short plain strings, a scan otherwise)
    /// accepts exactly what Utf8JsonReader reads as a string and stops where it stops.
    /// </summary>
    [Fact]
    public void Strings_around_the_sixteen_byte_load_read_as_the_reader_reads_them()
    {
        byte[][] intruders = ["\\\"x"u8.ToArray(), "\\n"u8.ToArray(), [0x01], [0xC3, 0xA9], [0xFF], "\""u8.ToArray()];
        var validators = Validators().ToArray();
        for (var length = 0; length <= 40; length++)
        {
            for (var at = -1; at < length; at++)
            {
                foreach (var intruder in intruders)
                {
                    var text = new List<byte> { (byte)'"' };
                    for (var i = 0; i < length; i++)
                    {
                        if (i == at) text.AddRange(intruder);
                        else text.Add((byte)('a' + i % 26));
                    }
                    text.Add((byte)'"');
                    text.AddRange(" , \"tail\" ]                    "u8.ToArray());
                    var bytes = text.ToArray();
                    var reader = new Utf8JsonReader(bytes);
                    int? expected;
                    try
                    {
                        expected = reader.Read() && reader.TokenType == JsonTokenType.String ? (int)reader.BytesConsumed : null;
                    }
                    catch (JsonException)
                    {
                        expected = null;
                    }
                    foreach (var validator in validators)
                    {
                        var accepted = validator.IsCertainlyValid(bytes, 8, out var consumed);
                        var shown = Encoding.Latin1.GetString(bytes);
                        if (expected is null) accepted.ShouldBeFalse(shown);
                        else if (accepted) consumed.ShouldBe(expected.Value, shown);
                        // Plain ASCII strings are always decided on the stream path.
                        if (at < 0) accepted.ShouldBeTrue(shown);
                    }
                }
            }
        }
    }

    private static int Consumed(IDataValidator validator, string json)
    {
        validator.IsCertainlyValid(Encoding.UTF8.GetBytes(json), 64, out var consumed).ShouldBeTrue(json);
        return consumed;
    }
}
