using System.Net;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Protobuf;

/// <summary>PROTOBUF through the Confluent and native APIs of the in-process server.</summary>
public sealed class ProtobufApiTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private const string Order = """
        syntax = "proto3";
        package shop.v1;

        import "common/money.proto";
        import "google/protobuf/timestamp.proto";

        // An order.
        message Order {
          string order_id = 1;
          common.Money total = 2;
          google.protobuf.Timestamp placed_at = 3;
          repeated Line lines = 4;
          message Line {
            string sku = 1;
            int32 quantity = 2;
          }
        }
        """;

    private const string Money = "syntax = \"proto3\";\npackage common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n";

    private static StringContent Proto(string schema, object[]? references = null) =>
        ConfluentBody(references is null ? new { schemaType = "PROTOBUF", schema } : new { schemaType = "PROTOBUF", schema, references });

    private static string Subject(string name) => $"{name}-{Guid.NewGuid():N}";

    private async Task<(string MoneySubject, int OrderId, string OrderSubject)> RegisterOrderAsync()
    {
        var moneySubject = Subject("common/money.proto");
        await _client.PostAsync($"/subjects/{Uri.EscapeDataString(moneySubject)}/versions", Proto(Money)).ExpectAsync(HttpStatusCode.OK);
        var orderSubject = Subject("orders-value");
        var body = await _client.PostAsync($"/subjects/{orderSubject}/versions",
            Proto(Order, [new { name = "common/money.proto", subject = moneySubject, version = 1 }])).ExpectAsync(HttpStatusCode.OK);
        return (moneySubject, body["id"]!.GetValue<int>(), orderSubject);
    }

    [Fact]
    public async Task Schema_types_list_protobuf_and_json()
    {
        var types = (await _client.GetAsync("/schemas/types").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(t => t!.GetValue<string>()).ToList();
        types.ShouldContain("PROTOBUF");
        types.ShouldContain("JSON");
    }

    [Fact]
    public async Task Registers_with_a_reference_and_serves_the_canonical_text()
    {
        var (moneySubject, id, _) = await RegisterOrderAsync();
        var schema = await _client.GetAsync($"/schemas/ids/{id}").ExpectAsync(HttpStatusCode.OK);
        schema["schemaType"]!.GetValue<string>().ShouldBe("PROTOBUF");
        var text = schema["schema"]!.GetValue<string>();
        text.ShouldNotContain("// An order.");
        text.ShouldStartWith("syntax = \"proto3\";\npackage shop.v1;\n\nimport \"common/money.proto\";");
        var reference = schema["references"]!.AsArray().ShouldHaveSingleItem()!;
        reference["name"]!.GetValue<string>().ShouldBe("common/money.proto");
        reference["subject"]!.GetValue<string>().ShouldBe(moneySubject);
    }

    [Fact]
    public async Task The_same_file_with_other_comments_and_spacing_is_the_same_schema()
    {
        var (moneySubject, id, orderSubject) = await RegisterOrderAsync();
        var respaced = Order.Replace("// An order.", "/* another comment */", StringComparison.Ordinal).Replace("  ", "    ", StringComparison.Ordinal);
        var found = await _client.PostAsync($"/subjects/{orderSubject}",
            Proto(respaced, [new { name = "common/money.proto", subject = moneySubject, version = 1 }])).ExpectAsync(HttpStatusCode.OK);
        found["id"]!.GetValue<int>().ShouldBe(id);
        found["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Normalize_finds_a_reordered_file()
    {
        var subject = Subject("normalized");
        var first = await _client.PostAsync($"/subjects/{subject}/versions?normalize=true",
            Proto("syntax = \"proto3\";\npackage n;\nmessage M { int32 b = 2; string a = 1; }\n")).ExpectAsync(HttpStatusCode.OK);
        var found = await _client.PostAsync($"/subjects/{subject}?normalize=true",
            Proto("syntax = \"proto3\";\npackage n;\nmessage M { string a = 1; int32 b = 2; }\n")).ExpectAsync(HttpStatusCode.OK);
        found["id"]!.GetValue<int>().ShouldBe(first["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_files_are_42201_with_line_and_column()
    {
        var message = await _client.PostAsync($"/subjects/{Subject("bad")}/versions",
            Proto("syntax = \"proto3\";\nmessage M {\n  Missing m = 1;\n}\n")).ExpectErrorAsync(42201);
        message.ShouldContain("3:3");
        message.ShouldContain("type not found", Case.Insensitive);
    }

    [Fact]
    public async Task A_missing_import_is_42201()
    {
        await _client.PostAsync($"/subjects/{Subject("noimport")}/versions", Proto(Order)).ExpectErrorAsync(42201, "common/money.proto");
    }

    [Fact]
    public async Task An_incompatible_version_is_a_409_naming_the_change()
    {
        var subject = Subject("evolve");
        await _client.PostAsync($"/subjects/{subject}/versions", Proto("syntax = \"proto3\";\nmessage M { int32 a = 1; }\n")).ExpectAsync(HttpStatusCode.OK);
        var message = await _client.PostAsync($"/subjects/{subject}/versions", Proto("syntax = \"proto3\";\nmessage M { sint32 a = 1; }\n")).ExpectErrorAsync(409);
        message.ShouldContain("FIELD_SCALAR_KIND_CHANGED");
        message.ShouldContain("/messages/M/fields/1");
        await _client.PostAsync($"/subjects/{subject}/versions", Proto("syntax = \"proto3\";\nmessage M { int64 a = 1; string b = 2; }\n")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Validates_json_against_the_first_or_a_named_message()
    {
        var (_, id, _) = await RegisterOrderAsync();
        var valid = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"orderId":"o-1","total":{"currency":"EUR","units":"1250"},"placedAt":"2024-05-01T10:00:00Z","lines":[{"sku":"A","quantity":2}]}""")).ExpectAsync(HttpStatusCode.OK);
        valid["valid"]!.GetValue<bool>().ShouldBeTrue();

        var invalid = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"total":{"units":"x"},"lines":[{"qty":1}]}""")).ExpectAsync(HttpStatusCode.OK);
        invalid["valid"]!.GetValue<bool>().ShouldBeFalse();
        var errors = invalid["errors"]!.AsArray();
        errors.Select(e => e!["instancePath"]!.GetValue<string>()).ShouldBe(["/total/units", "/lines/0/qty"]);
        errors[0]!["schemaPath"]!.GetValue<string>().ShouldBe("/imports/common~1money.proto/messages/Money/fields/2");

        var line = await _client.PostAsync($"/api/v1/validate/{id}?message=shop.v1.Order.Line", Raw("""{"sku":"A","quantity":"3"}""")).ExpectAsync(HttpStatusCode.OK);
        line["valid"]!.GetValue<bool>().ShouldBeTrue();
        var byIndex = await _client.PostAsync($"/api/v1/validate/{id}?message=0,0", Raw("""{"orderId":"x"}""")).ExpectAsync(HttpStatusCode.OK);
        byIndex["valid"]!.GetValue<bool>().ShouldBeFalse("index path 0,0 is Order.Line, which has no orderId");

        var batch = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("""[{"orderId":"a"},{"orderId":1}]""")).ExpectAsync(HttpStatusCode.OK);
        batch["valid"]!.GetValue<int>().ShouldBe(1);
        batch["invalid"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_message_name_is_refused_listing_the_messages()
    {
        var (_, id, _) = await RegisterOrderAsync();
        using var response = await _client.PostAsync($"/api/v1/validate/{id}?message=shop.v1.Nope", Raw("{}"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("shop.v1.Order.Line");
    }

    [Fact]
    public async Task Schema_by_id_lists_its_messages_and_validator()
    {
        var (_, id, _) = await RegisterOrderAsync();
        var schema = await _client.GetAsync($"/api/v1/schemas/{id}").ExpectAsync(HttpStatusCode.OK);
        schema["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["shop.v1.Order", "shop.v1.Order.Line"]);
    }

    [Fact]
    public async Task Native_diff_reports_protobuf_changes_with_paths()
    {
        var subject = Subject("diff");
        await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject, schemaType = "PROTOBUF", schema = "syntax = \"proto3\";\nmessage M { string a = 1; }\n" })).ExpectAsync(HttpStatusCode.Created);
        var second = await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject, schemaType = "PROTOBUF", schema = "syntax = \"proto3\";\nmessage M { string a = 1; int32 b = 2; }\n" })).ExpectAsync(HttpStatusCode.Created);
        second["semver"]!.GetValue<string>().ShouldBe("1.1.0");
        var change = second["changes"]!.AsArray().ShouldHaveSingleItem()!;
        change["kind"]!.GetValue<string>().ShouldBe("FIELD_ADDED");
        change["path"]!.GetValue<string>().ShouldBe("/messages/M/fields/2");
    }
}
