using SchemaRegistry.Formats.Protobuf.Tests.Support;

namespace SchemaRegistry.Formats.Protobuf.Tests.Canonical;

public class CanonicalFormTests
{
    // Confluent's own canonical example (RestApiTest): stored and returned exactly as sent.
    private const string ConfluentCanonical = """
        syntax = "proto3";
        package io.confluent.kafka.serializers.protobuf.test;

        import "ref.proto";
        import "confluent/meta.proto";

        message ReferrerMessage {
          option (confluent.message_meta) = {
            doc: "ReferrerMessage"
          };

          string root_id = 1;
          .io.confluent.kafka.serializers.protobuf.test.ReferencedMessage ref = 2 [(confluent.field_meta) = {
            doc: "ReferencedMessage"
          }];
        }

        """;

    private static readonly Core.Formats.ResolvedReference Ref = Protos.Reference("ref.proto",
        "syntax = \"proto3\";\npackage io.confluent.kafka.serializers.protobuf.test;\nmessage ReferencedMessage { string ref_id = 1; }\n");

    [Fact]
    public void Confluent_canonical_text_is_returned_unchanged()
    {
        Protos.Parse(ConfluentCanonical, references: Ref).CanonicalText.ShouldBe(ConfluentCanonical);
    }

    [Fact]
    public void Comments_and_whitespace_do_not_change_the_canonical_text()
    {
        var a = Protos.Parse("syntax=\"proto3\";package p;/* c */message M{string a=1;// x\nint32 b=2;}");
        var b = Protos.Parse("syntax = \"proto3\";\n\npackage p;\n\nmessage M {\n  // comment\n  string a = 1;\n  int32 b = 2;\n}\n");
        a.CanonicalText.ShouldBe(b.CanonicalText);
        a.CanonicalText.ShouldBe("syntax = \"proto3\";\npackage p;\n\nmessage M {\n  string a = 1;\n  int32 b = 2;\n}\n");
    }

    [Fact]
    public void The_layout_follows_confluent_sections_and_indentation()
    {
        var schema = Protos.Parse("""
            syntax = "proto3";
            package p;
            import public "b.proto";
            import "a.proto";
            option java_package = "com.p";
            enum Top { TOP_UNKNOWN = 0; }
            message M {
              enum Inner { INNER_UNKNOWN = 0; }
              message Nested { string s = 1; }
              reserved 8, 9 to 11, 20 to max;
              reserved "old";
              option deprecated = true;
              string a = 1 [deprecated = true, json_name = "A"];
              oneof choice { string x = 2; int32 y = 3; }
              map<string,int64> counts = 4;
            }
            service S { rpc Get (M) returns (stream M) { option deprecated = true; } }
            """, references: [Protos.Reference("a.proto", "syntax = \"proto3\";\n"), Protos.Reference("b.proto", "syntax = \"proto3\";\n")]);
        schema.CanonicalText.ShouldBe("""
            syntax = "proto3";
            package p;

            import "a.proto";
            import public "b.proto";

            option java_package = "com.p";

            message M {
              reserved 8, 9 to 11, 20 to max;
              reserved "old";

              option deprecated = true;

              string a = 1 [
                deprecated = true,
                json_name = "A"
              ];
              map<string, int64> counts = 4;

              oneof choice {
                string x = 2;
                int32 y = 3;
              }

              message Nested {
                string s = 1;
              }
              enum Inner {
                INNER_UNKNOWN = 0;
              }
            }
            enum Top {
              TOP_UNKNOWN = 0;
            }

            service S {
              rpc Get (M) returns (stream M) {
                option deprecated = true;
              };
            }

            """);
    }

    [Theory]
    [InlineData("syntax = \"proto3\"; message M { string a = 1; }")]
    [InlineData("message M { optional string a = 1 [default = \"x\\n\\\"y\\\"\"]; }")]
    [InlineData("syntax = \"proto3\"; package a.b; message M { message N { enum E { Z = 0; } E e = 1; } N n = 1; repeated N.E es = 2; }")]
    [InlineData("syntax = \"proto3\"; message M { oneof o { option (x) = 1; string a = 1; } reserved 2 to 3; }")]
    [InlineData("syntax = \"proto3\"; option (my.opt) = { a: 1 b: [\"x\", \"y\"] c { d: true } }; message M {}")]
    [InlineData("syntax = \"proto2\"; message M { extensions 100 to 199; } extend M { optional int32 x = 100; }")]
    public void Printing_is_idempotent(string text)
    {
        foreach (var normalize in new[] { false, true })
        {
            var once = Protos.Parse(text, normalize).CanonicalText;
            Protos.Parse(once, normalize).CanonicalText.ShouldBe(once);
            Protos.Parse(once).CanonicalText.ShouldBe(once, "a stored (canonical) text parses back to itself");
        }
    }

    [Fact]
    public void Normalize_makes_declaration_order_and_type_spelling_irrelevant()
    {
        var a = Protos.Parse("""
            syntax = "proto3";
            package p;
            import "b.proto";
            import "a.proto";
            option java_package = "x";
            option go_package = "y";
            message M {
              reserved 9, 5;
              int32 b = 2;
              Status s = 3;
              string a = 1;
              map<string, Status> m = 4;
              enum Status { A = 0; C = 2; B = 1; }
            }
            """, normalize: true, Protos.Reference("a.proto", "syntax = \"proto3\";\n"), Protos.Reference("b.proto", "syntax = \"proto3\";\n"));
        var b = Protos.Parse("""
            syntax = "proto3";
            package p;
            import "a.proto";
            import "b.proto";
            option go_package = "y";
            option java_package = "x";
            message M {
              reserved 5;
              reserved 9;
              string a = 1;
              int32 b = 2;
              .p.M.Status s = 3;
              map<string, M.Status> m = 4;
              enum Status { A = 0; B = 1; C = 2; }
            }
            """, normalize: true, Protos.Reference("a.proto", "syntax = \"proto3\";\n"), Protos.Reference("b.proto", "syntax = \"proto3\";\n"));
        a.CanonicalText.ShouldBe(b.CanonicalText);
        a.CanonicalText.ShouldContain(".p.M.Status s = 3;");
        a.CanonicalText.ShouldContain("map<string, .p.M.Status> m = 4;");
    }

    [Fact]
    public void Normalize_keeps_message_order_because_message_indexes_count_it()
    {
        var schema = Protos.Parse(Protos.P3("message B {}\nmessage A {}\n"), normalize: true);
        schema.CanonicalText.IndexOf("message B", StringComparison.Ordinal).ShouldBeLessThan(schema.CanonicalText.IndexOf("message A", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_drops_the_proto2_syntax_line_reformats_numbers_and_sorts_oneofs()
    {
        var schema = Protos.Parse("syntax = \"proto2\";\nmessage M {\n  optional double d = 1 [default = 1.50];\n  oneof z { int32 q = 9; int32 p = 8; }\n  oneof a { int32 r = 3; }\n}\n", normalize: true);
        schema.CanonicalText.ShouldBe("\nmessage M {\n  optional double d = 1 [default = 1.5];\n\n  oneof a {\n    int32 r = 3;\n  }\n  oneof z {\n    int32 p = 8;\n    int32 q = 9;\n  }\n}\n");
    }

    [Fact]
    public void Without_normalize_the_written_order_is_kept()
    {
        var schema = Protos.Parse(Protos.P3("message M { int32 b = 2; string a = 1; }"));
        schema.CanonicalText.IndexOf("int32 b", StringComparison.Ordinal).ShouldBeLessThan(schema.CanonicalText.IndexOf("string a", StringComparison.Ordinal));
    }
}
