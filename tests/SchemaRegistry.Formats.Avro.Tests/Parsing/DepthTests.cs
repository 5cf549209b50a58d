using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Parsing;

/// <summary>Deep schemas parse, diff and validate on an ordinary thread's stack; deeper ones are refused, never a crash.</summary>
public sealed class DepthTests
{
    private static string NestedArrays(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++) text.Append("{\"type\":\"array\",\"items\":");
        text.Append("\"int\"");
        text.Append('}', depth);
        return text.ToString();
    }

    private static T OnOrdinaryStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw failure;
        return result;
    }

    [Fact]
    public void The_deepest_accepted_schema_parses_diffs_and_validates_on_a_one_megabyte_stack()
    {
        var text = NestedArrays(64);
        var changes = OnOrdinaryStack(() =>
        {
            var schema = Parse(text);
            var widened = Parse(text.Replace("\"int\"", "\"long\"", StringComparison.Ordinal));
            var validator = schema.CompileValidator();
            using var document = JsonDocument.Parse("[[[1]]]");
            validator.Validate(document.RootElement).IsValid.ShouldBeFalse(); // 3 levels, not 64
            return widened.DiffFrom(schema);
        });
        changes.ShouldHaveSingleItem().Kind.ShouldBe("TYPE_PROMOTED");
    }

    [Fact]
    public void A_deeper_schema_is_refused()
    {
        var result = Format.Parse(SchemaParseRequest.Of(NestedArrays(65)));
        result.Success.ShouldBeFalse();
        result.Error!.ShouldContain("deeper than 64 JSON levels");
    }
}
