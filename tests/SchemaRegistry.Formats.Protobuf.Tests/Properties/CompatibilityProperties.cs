using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Tests.Support;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.Protobuf.Tests.Properties;

/// <summary>
/// Properties over a corpus: every schema of the conformance table plus generated ones (random messages, fields,
/// oneofs, maps, enums, nesting, on a fixed seed). Every schema is compatible with itself at every level;
/// FORWARD(a, b) equals BACKWARD(b, a) for every pair; the canonical and normalized forms are fixed points.
/// </summary>
public class CompatibilityProperties
{
    private static readonly Lazy<IReadOnlyList<ParsedProtobufSchema>> Corpus = new(() =>
    {
        var texts = ProtobufCompatibilityCases.All.Where(c => c.OldImport is null).SelectMany(c => new[] { c.Old, c.New }).Distinct().ToList();
        texts.AddRange(Generator.Files(seed: 20261126, count: 60));
        return [.. texts.Select(t => Protos.Parse(t))];
    });

    [Fact]
    public void Every_schema_is_compatible_with_itself_at_every_level()
    {
        foreach (var schema in Corpus.Value)
        {
            schema.DiffFrom(schema).ShouldBeEmpty(schema.CanonicalText);
            var verdicts = CompatibilityChecker.VerdictPerLevel(schema, [new VersionedSchema(1, schema)]);
            verdicts.Values.ShouldAllBe(v => v, schema.CanonicalText);
        }
    }

    [Fact]
    public void Forward_of_a_b_is_backward_of_b_a()
    {
        var corpus = Corpus.Value;
        var pairs = 0;
        for (var i = 0; i < corpus.Count; i++)
        {
            for (var j = 0; j < corpus.Count; j += 3)
            {
                var (a, b) = (corpus[i], corpus[j]);
                var forward = CompatibilityChecker.Check(CompatibilityLevel.Forward, a, [new VersionedSchema(1, b)]).IsCompatible;
                var backward = CompatibilityChecker.Check(CompatibilityLevel.Backward, b, [new VersionedSchema(1, a)]).IsCompatible;
                forward.ShouldBe(backward);
                pairs++;
            }
        }
        pairs.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Canonical_and_normalized_texts_are_fixed_points_and_equivalent()
    {
        foreach (var schema in Corpus.Value)
        {
            Protos.Parse(schema.CanonicalText).CanonicalText.ShouldBe(schema.CanonicalText);
            var normalized = Protos.Parse(schema.CanonicalText, normalize: true);
            Protos.Parse(normalized.CanonicalText, normalize: true).CanonicalText.ShouldBe(normalized.CanonicalText);
            Protos.Parse(normalized.CanonicalText).CanonicalText.ShouldBe(normalized.CanonicalText);
            normalized.DiffFrom(schema).ShouldAllBe(c => c.Impact != Core.Formats.ChangeImpact.Breaking, normalized.CanonicalText);
        }
    }

    [Fact]
    public void Generated_edits_that_only_add_are_backward_compatible()
    {
        var random = new Random(7);
        foreach (var schema in Corpus.Value.Where(s => s.MessageNames.Count > 0).Take(40))
        {
            var extended = Protos.Parse(schema.CanonicalText.TrimEnd() + $"\nmessage Added{random.Next(1000)} {{ optional string s = 1; }}\n");
            CompatibilityChecker.IsBackwardCompatible(extended, schema).ShouldBeTrue(extended.CanonicalText);
            CompatibilityChecker.IsBackwardCompatible(schema, extended).ShouldBeFalse("removing a message breaks readers of its data");
        }
    }

    /// <summary>Random but valid proto3/proto2 files.</summary>
    private static class Generator
    {
        private static readonly string[] Scalars = ["int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes", "float", "double"];

        public static IEnumerable<string> Files(int seed, int count)
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                var proto3 = random.Next(4) != 0;
                var sb = new System.Text.StringBuilder(proto3 ? "syntax = \"proto3\";\n" : "syntax = \"proto2\";\n");
                sb.Append("package gen.v").Append(i).Append(";\n");
                var messages = random.Next(1, 4);
                sb.Append("enum Color { COLOR_ZERO = 0; COLOR_ONE = 1; COLOR_TWO = 2; }\n");
                for (var m = 0; m < messages; m++) sb.Append(Message(random, $"M{m}", proto3, messages, depth: 0));
                yield return sb.ToString();
            }
        }

        private static string Message(Random random, string name, bool proto3, int messages, int depth)
        {
            var sb = new System.Text.StringBuilder($"message {name} {{\n");
            var number = 1;
            var fields = random.Next(0, 6);
            for (var f = 0; f < fields; f++)
            {
                var label = random.Next(5) switch
                {
                    0 => "repeated ",
                    1 => "optional ",
                    _ => proto3 ? "" : "optional ",
                };
                var type = random.Next(6) switch
                {
                    0 => "Color",
                    1 => $"M{random.Next(messages)}",
                    _ => Scalars[random.Next(Scalars.Length)],
                };
                sb.Append($"  {label}{type} f{number} = {number};\n");
                number++;
            }
            if (random.Next(3) == 0) sb.Append($"  map<string, {Scalars[random.Next(Scalars.Length)]}> m{number} = {number++};\n");
            if (random.Next(3) == 0) sb.Append($"  oneof choice {{ string c{number} = {number++}; int64 d{number} = {number++}; }}\n");
            if (random.Next(3) == 0) sb.Append($"  reserved {number + 10};\n");
            if (depth < 2 && random.Next(3) == 0) sb.Append(Message(random, name + "Inner", proto3, messages, depth + 1));
            return sb.Append("}\n").ToString();
        }
    }
}
