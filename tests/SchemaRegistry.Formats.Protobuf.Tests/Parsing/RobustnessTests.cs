using System.Text;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Tests.Support;

namespace SchemaRegistry.Formats.Protobuf.Tests.Parsing;

/// <summary>Hostile or broken input is refused with a message, never an exception or a crash.</summary>
public class RobustnessTests
{
    [Fact]
    public void Deeply_nested_messages_are_refused()
    {
        var text = "syntax = \"proto3\";\n" + string.Concat(Enumerable.Repeat("message A { ", 5000)) + string.Concat(Enumerable.Repeat("}", 5000));
        Protos.Fail(text).ShouldContain("nest deeper than");
    }

    [Fact]
    public void Deeply_nested_option_values_are_refused()
    {
        var text = "syntax = \"proto3\";\noption (x) = " + string.Concat(Enumerable.Repeat("{ a ", 5000)) + string.Concat(Enumerable.Repeat("}", 5000)) + ";\n";
        Protos.Fail(text).ShouldContain("nest deeper than");
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\noption (x) = \"\\uD800\";\n", "surrogate")]
    [InlineData("syntax = \"proto3\";\noption (x) = \"abc\n\";\n", "unterminated")]
    [InlineData("syntax = \"proto3\";\n/* never closed", "unterminated")]
    [InlineData("syntax = \"proto3\";\nmessage M { string a = 99999999999; }\n", "32-bit")]
    [InlineData("syntax = \"proto3\";\nmessage M { string a = 1 [(x) = \"\\q\"]; }\n", "escape")]
    [InlineData("syntax = \"proto3\";\nmessage M { string a = 1; } $", "unexpected character")]
    public void Lexical_errors_are_located(string text, string fragment)
    {
        var error = Protos.Fail(text);
        error.ShouldContain(fragment);
        error.ShouldMatch(@"^\d+:\d+: ");
    }

    [Fact]
    public void Mutated_files_never_throw()
    {
        var seeds = Testing.ProtobufCompatibilityCases.All.Where(c => c.OldImport is null).SelectMany(c => new[] { c.Old, c.New }).Distinct().ToList();
        var random = new Random(99);
        const string alphabet = "{}[]()<>;=,.\"'/*\\- \nmessage enum oneof map repeated optional required reserved 0123456789 max to";
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Count)]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: text.Insert(at, alphabet.AsSpan(random.Next(alphabet.Length - 8), random.Next(1, 8))); break;
                }
            }
            var result = Protos.Format.Parse(SchemaParseRequest.Of(text.ToString(), normalize: random.Next(2) == 0));
            if (result.Success)
            {
                var schema = (ParsedProtobufSchema)result.Schema!;
                Protos.Parse(schema.CanonicalText).CanonicalText.ShouldBe(schema.CanonicalText, text.ToString());
                schema.DiffFrom(schema).ShouldBeEmpty();
                schema.CompileValidator().Validate(Json.Parse("{}"));
            }
            else
            {
                result.Error.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void A_long_chain_of_imported_types_is_compared_without_recursion()
    {
        static string Chain(string lastType)
        {
            var sb = new StringBuilder("syntax = \"proto3\";\npackage chain;\n");
            for (var i = 0; i < 3000; i++) sb.Append($"message T{i} {{ T{i + 1} next = 1; }}\n");
            return sb.Append($"message T3000 {{ {lastType} v = 1; }}\n").ToString();
        }
        const string text = "syntax = \"proto3\";\nimport \"chain.proto\";\nmessage Root { chain.T0 head = 1; }\n";
        var old = Protos.Parse(text, references: Protos.Reference("chain.proto", Chain("int32")));
        var updated = Protos.Parse(text, references: Protos.Reference("chain.proto", Chain("double"), 2));
        updated.DiffFrom(old).ShouldHaveSingleItem().Path.ShouldBe("/imports/chain.proto/messages/T3000/fields/1");
        updated.CompileValidator().Validate(Json.Parse("""{"head":{"next":{"next":{}}}}""")).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void The_dotnet_serializer_flow_with_base64_dependencies_works()
    {
        // The serializer registers google/protobuf/timestamp.proto as its own subject (base64), then the root (base64)
        // referencing it by import path.
        var timestamp = Descriptors.ToBase64("syntax = \"proto3\";\npackage google.protobuf;\noption csharp_namespace = \"Google.Protobuf.WellKnownTypes\";\nmessage Timestamp { int64 seconds = 1; int32 nanos = 2; }\n", "google/protobuf/timestamp.proto");
        var dependency = Protos.Parse(timestamp);
        dependency.CanonicalText.ShouldContain("option csharp_namespace = \"Google.Protobuf.WellKnownTypes\";");
        var root = Descriptors.ToBase64("syntax = \"proto3\";\npackage ev;\nimport \"google/protobuf/timestamp.proto\";\nmessage Event { google.protobuf.Timestamp at = 1; }\n", "event.proto");
        var schema = Protos.Parse(root, references: Protos.Reference("google/protobuf/timestamp.proto", dependency.CanonicalText));
        schema.CanonicalText.ShouldContain(".google.protobuf.Timestamp at = 1;");
        schema.CompileValidator().Validate(Json.Parse("""{"at":"2024-01-01T00:00:00Z"}""")).IsValid.ShouldBeTrue();
        // The base64 reference itself (not yet canonicalized) is accepted too.
        Protos.Parse(root, references: Protos.Reference("google/protobuf/timestamp.proto", timestamp)).CanonicalText.ShouldBe(schema.CanonicalText);
    }
}
