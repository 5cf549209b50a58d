using SchemaRegistry.Formats.Protobuf.Tests.Support;

namespace SchemaRegistry.Formats.Protobuf.Tests.Parsing;

public class ParsingTests
{
    [Fact]
    public void Parses_proto3_with_nested_types_maps_oneofs_and_services()
    {
        var schema = Protos.Parse("""
            syntax = "proto3";
            package shop.v1;
            import "google/protobuf/timestamp.proto";
            message Order {
              message Item { string sku = 1; int32 quantity = 2; }
              string id = 1;
              repeated Item items = 2;
              map<string, int64> totals = 3;
              google.protobuf.Timestamp placed_at = 4;
              oneof payment { string card = 5; string voucher = 6; }
              optional string note = 7;
            }
            enum Status { STATUS_UNKNOWN = 0; STATUS_OPEN = 1; }
            service Orders { rpc Get (Order) returns (Order); }
            """);
        schema.SchemaType.ShouldBe("PROTOBUF");
        schema.Package.ShouldBe("shop.v1");
        schema.IsProto3.ShouldBeTrue();
        schema.MessageNames.ShouldBe(["shop.v1.Order", "shop.v1.Order.Item"]);
    }

    [Fact]
    public void Proto2_without_syntax_statement_is_proto2()
    {
        var schema = Protos.Parse("message M { required string a = 1; optional int32 b = 2 [default = 5]; }");
        schema.IsProto3.ShouldBeFalse();
        schema.MessageNames.ShouldBe(["M"]);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string a = 1\n}\n", "4:1", "expected ';'")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string a = 1;\n", "4:1", "not closed")]
    [InlineData("syntax = \"proto4\";\n", "1:10", "unknown syntax")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  Missing a = 1;\n}\n", "3:3", "type not found")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string a = 1;\n  int32 b = 1;\n}\n", "4:", "already in use")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  required string a = 1;\n}\n", "3:3", "proto2")]
    [InlineData("syntax = \"proto3\";\nenum E {\n  A = 1;\n}\n", "2:", "zero")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string a = 0;\n}\n", "3:", "range")]
    [InlineData("edition = \"2023\";\n", "1:1", "editions")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string a = 1 [json_name = 5];\n}\n", "3:", "json_name")]
    public void Invalid_files_are_refused_with_the_line_and_column(string text, string location, string fragment)
    {
        var error = Protos.Fail(text);
        error.ShouldStartWith(location);
        error.ShouldContain(fragment, Case.Insensitive);
    }

    [Fact]
    public void Imports_are_resolved_from_references_named_by_import_path()
    {
        var common = Protos.Reference("common/money.proto", "syntax = \"proto3\";\npackage common;\nmessage Money { string currency = 1; int64 units = 2; }\n");
        var schema = Protos.Parse("syntax = \"proto3\";\npackage p;\nimport \"common/money.proto\";\nmessage Price { common.Money amount = 1; }\n", references: common);
        schema.References.ShouldHaveSingleItem().Name.ShouldBe("common/money.proto");
        schema.CompileValidator().Validate(Json.Parse("""{"amount":{"currency":"EUR","units":"12"}}""")).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_import_is_refused_naming_it()
    {
        var error = Protos.Fail("syntax = \"proto3\";\nimport \"common/money.proto\";\nmessage Price { common.Money amount = 1; }\n");
        error.ShouldContain("common/money.proto");
    }

    [Fact]
    public void A_reference_of_another_format_is_refused()
    {
        var json = new Core.Formats.ResolvedReference("x.proto", "x", 1, "JSON", "{}", []);
        Protos.Fail("syntax = \"proto3\";\nimport \"x.proto\";\nmessage A { string a = 1; }\n", json).ShouldContain("JSON");
    }

    [Fact]
    public void An_error_inside_an_import_names_the_import()
    {
        var broken = Protos.Reference("dep.proto", "syntax = \"proto3\";\nmessage D { Nope n = 1; }\n");
        Protos.Fail("syntax = \"proto3\";\nimport \"dep.proto\";\nmessage A { D d = 1; }\n", broken).ShouldContain("dep.proto");
    }

    [Theory]
    [InlineData("google/protobuf/timestamp.proto", "google.protobuf.Timestamp")]
    [InlineData("google/protobuf/duration.proto", "google.protobuf.Duration")]
    [InlineData("google/protobuf/struct.proto", "google.protobuf.Struct")]
    [InlineData("google/protobuf/wrappers.proto", "google.protobuf.StringValue")]
    [InlineData("google/protobuf/any.proto", "google.protobuf.Any")]
    [InlineData("google/protobuf/field_mask.proto", "google.protobuf.FieldMask")]
    [InlineData("google/protobuf/empty.proto", "google.protobuf.Empty")]
    [InlineData("google/type/date.proto", "google.type.Date")]
    [InlineData("google/type/decimal.proto", "google.type.Decimal")]
    [InlineData("confluent/type/decimal.proto", "confluent.type.Decimal")]
    public void Well_known_imports_are_built_in(string import, string type)
    {
        Protos.Parse($"syntax = \"proto3\";\nimport \"{import}\";\nmessage A {{ {type} v = 1; }}\n").MessageNames.ShouldBe(["A"]);
    }

    [Fact]
    public void A_reference_wins_over_the_built_in_copy_of_an_import()
    {
        var custom = Protos.Reference("google/protobuf/timestamp.proto", "syntax = \"proto3\";\npackage google.protobuf;\nmessage Timestamp { int64 seconds = 1; int32 nanos = 2; string zone = 3; }\n");
        var schema = Protos.Parse("syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp t = 1; }\n", references: custom);
        schema.CompileValidator("google.protobuf.Timestamp").ShouldNotBeNull();
    }

    [Fact]
    public void Confluent_meta_options_and_unresolved_custom_options_are_accepted()
    {
        var schema = Protos.Parse("""
            syntax = "proto3";
            import "confluent/meta.proto";
            import "google/protobuf/descriptor.proto";
            option (some_ref) = "https://example.org";
            message A {
              option (confluent.message_meta) = { doc: "an A" };
              string a = 1 [(confluent.field_meta) = { doc: "the a" }];
            }
            """);
        schema.CanonicalText.ShouldContain("option (some_ref) = \"https://example.org\";");
        schema.CanonicalText.ShouldContain("doc: \"an A\"");
    }

    [Fact]
    public void A_base64_file_descriptor_is_accepted_as_the_serializer_sends_it()
    {
        var text = "syntax = \"proto3\";\npackage p;\nmessage M {\n  string a = 1;\n  map<string, int64> m = 2;\n  optional int32 o = 3;\n  oneof k {\n    string x = 4;\n  }\n}\n";
        var base64 = Descriptors.ToBase64(text);
        var schema = Protos.Parse(base64);
        schema.MessageNames.ShouldBe(["p.M"]);
        schema.CanonicalText.ShouldContain("map<string, int64> m = 2;");
        schema.CanonicalText.ShouldContain("optional int32 o = 3;");
        schema.DiffFrom(Protos.Parse(text)).Where(c => c.Impact != Core.Formats.ChangeImpact.Annotation).ShouldBeEmpty();
    }

    [Fact]
    public void Base64_that_is_not_a_descriptor_reports_the_text_parse_error()
    {
        Protos.Fail("AAAA").ShouldContain("1:1");
    }

    [Fact]
    public void Groups_are_refused_with_a_clear_message()
    {
        Protos.Fail("syntax = \"proto2\";\nmessage M {\n  optional group G = 1 { optional int32 a = 2; }\n}\n").ShouldContain("groups are not supported");
    }

    [Fact]
    public void Message_indexes_map_to_names_and_back()
    {
        var schema = Protos.Parse(Protos.P3("message A { message A1 { } message A2 { message A2a { } } }\nenum E { Z = 0; }\nmessage B { map<string, string> m = 1; message B1 { } }\n"));
        schema.MessageNames.ShouldBe(["p.A", "p.A.A1", "p.A.A2", "p.A.A2.A2a", "p.B", "p.B.B1"]);
        schema.MessageIndexesOf("p.A").ShouldBe([0]);
        schema.MessageIndexesOf("p.A.A2.A2a").ShouldBe([0, 1, 0]);
        schema.MessageIndexesOf("p.B.B1").ShouldBe([1, 0]); // the map entry does not count
        schema.MessageNameAt([1, 0]).ShouldBe("p.B.B1");
        schema.MessageNameAt([2]).ShouldBeNull();
        schema.CompileValidator("1,0").ShouldNotBeNull();
        schema.CompileValidator("A.A2").ShouldNotBeNull();
        schema.CompileValidator("p.Nope").ShouldBeNull();
    }
}
