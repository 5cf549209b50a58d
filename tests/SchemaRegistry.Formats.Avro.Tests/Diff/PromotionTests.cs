using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Avro.Diff;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Diff;

/// <summary>The full 8 x 8 table of primitive pairs: exactly the identities and the specification's promotions read.</summary>
public sealed class PromotionTests
{
    private static readonly string[] Primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    private static readonly HashSet<(string Reader, string Writer)> Promotions =
    [
        ("long", "int"), ("float", "int"), ("float", "long"), ("double", "int"), ("double", "long"), ("double", "float"),
        ("string", "bytes"), ("bytes", "string"),
    ];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in Primitives)
        {
            foreach (var writer in Primitives) data.Add(reader, writer);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Reader_reads_writer_exactly_for_identities_and_promotions(string reader, string writer)
    {
        var readable = reader == writer || Promotions.Contains((reader, writer));
        var r = Parse($"\"{reader}\"");
        var w = Parse($"\"{writer}\"");
        CompatibilityChecker.IsBackwardCompatible(r, w).ShouldBe(readable);
        var changes = r.DiffFrom(w);
        if (reader == writer) changes.ShouldBeEmpty();
        else if (readable) changes.ShouldHaveSingleItem().Kind.ShouldBe(AvroChangeKinds.TypePromoted);
        else changes.ShouldHaveSingleItem().Kind.ShouldBe(AvroChangeKinds.TypeMismatch);
    }
}
