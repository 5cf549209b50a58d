using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Tests.Support;

namespace SchemaRegistry.Formats.Protobuf.Tests.Validation;

public class ValidationTests
{
    private static readonly ParsedProtobufSchema Schema = Protos.Parse("""
        syntax = "proto3";
        package shop;
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/struct.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/field_mask.proto";
        import "google/protobuf/any.proto";
        import "google/protobuf/empty.proto";

        message Order {
          string order_id = 1;
          int32 quantity = 2;
          uint32 count = 3;
          int64 total_cents = 4;
          uint64 big = 5;
          fixed64 fixed = 6;
          sint32 delta = 7;
          float ratio = 8;
          double price = 9;
          bool paid = 10;
          bytes blob = 11;
          Status status = 12;
          repeated string tags = 13;
          map<string, Item> items = 14;
          map<int32, string> by_number = 15;
          map<bool, string> by_flag = 16;
          Item main_item = 17;
          oneof payment {
            string card = 18;
            string voucher = 19;
          }
          optional string note = 20;
          google.protobuf.Timestamp placed_at = 21;
          google.protobuf.Duration ttl = 22;
          google.protobuf.Struct extra = 23;
          google.protobuf.Value anything = 24;
          google.protobuf.ListValue list = 25;
          google.protobuf.Int64Value maybe_total = 26;
          google.protobuf.StringValue maybe_name = 27;
          google.protobuf.FieldMask mask = 28;
          google.protobuf.Any payload = 29;
          google.protobuf.Empty nothing = 30;
          google.protobuf.NullValue null_value = 31;
          string renamed = 32 [json_name = "aliasName"];
          reserved "legacy";
          reserved 99;
        }

        message Item {
          string sku = 1;
          repeated Item children = 2;
        }

        enum Status {
          STATUS_UNKNOWN = 0;
          STATUS_OPEN = 1;
        }
        """);

    private static readonly IDataValidator Order = Schema.CompileValidator();

    private static ValidationOutcome Check(string json) => Order.Validate(Json.Parse(json));

    [Fact]
    public void The_engine_is_named() => Order.Engine.ShouldBe("proto3-json");

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"orderId":"o-1","quantity":null,"status":null,"placedAt":null}""")]
    [InlineData("""{"order_id":"o-1","quantity":3,"count":4294967295,"totalCents":"9007199254740993","big":"18446744073709551615","fixed":12}""")]
    [InlineData("""{"quantity":"42","totalCents":-5,"delta":-7,"ratio":1.5,"price":"NaN","paid":true}""")]
    [InlineData("""{"quantity":1.0,"totalCents":1e3,"price":"-Infinity","ratio":"Infinity"}""")]
    [InlineData("""{"blob":"aGVsbG8=","status":"STATUS_OPEN"}""")]
    [InlineData("""{"blob":"aGVsbG8","status":1}""")]
    [InlineData("""{"blob":"-_-_"}""")]
    [InlineData("""{"status":7}""")]
    [InlineData("""{"tags":["a","b"],"items":{"x":{"sku":"s","children":[{"sku":"c"}]}},"byNumber":{"-3":"x"},"byFlag":{"true":"y"}}""")]
    [InlineData("""{"tags":null,"items":null,"mainItem":null}""")]
    [InlineData("""{"card":"4111","voucher":null}""")]
    [InlineData("""{"note":""}""")]
    [InlineData("""{"placedAt":"2024-02-29T23:59:59.123456789Z","ttl":"-1.5s"}""")]
    [InlineData("""{"placedAt":"0001-01-01T00:00:00Z","ttl":"315576000000s"}""")]
    [InlineData("""{"placedAt":"2024-01-01T10:00:00+02:00"}""")]
    [InlineData("""{"extra":{"a":[1,{"b":null}]},"anything":null,"list":[1,"x",null]}""")]
    [InlineData("""{"anything":{"k":1}}""")]
    [InlineData("""{"maybeTotal":"12","maybeName":"n"}""")]
    [InlineData("""{"maybeTotal":null}""")]
    [InlineData("""{"mask":"user.displayName,photo"}""")]
    [InlineData("""{"mask":""}""")]
    [InlineData("""{"payload":{"@type":"type.googleapis.com/shop.Item","sku":"s"}}""")]
    [InlineData("""{"payload":{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1s"}}""")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"nothing":{},"nullValue":null}""")]
    [InlineData("""{"nullValue":"NULL_VALUE"}""")]
    [InlineData("""{"aliasName":"x"}""")]
    [InlineData("""{"renamed":"x"}""")]
    [InlineData("""{"legacy":"ignored because the name is reserved"}""")]
    public void Valid_documents(string json)
    {
        var outcome = Check(json);
        outcome.Errors.ShouldBeEmpty();
        outcome.ShouldBeSameAs(ValidationOutcome.Valid);
    }

    [Theory]
    [InlineData("null", "", "/messages/Order", "type")]
    [InlineData("[]", "", "/messages/Order", "type")]
    [InlineData("""{"nope":1}""", "/nope", "/messages/Order", "unknownField")]
    [InlineData("""{"orderId":"a","order_id":"b"}""", "/order_id", "/messages/Order/fields/1", "duplicateField")]
    [InlineData("""{"orderId":"a","order_id":null}""", "/order_id", "/messages/Order/fields/1", "duplicateField")]
    [InlineData("""{"orderId":5}""", "/orderId", "/messages/Order/fields/1", "type")]
    [InlineData("""{"quantity":1.5}""", "/quantity", "/messages/Order/fields/2", "range")]
    [InlineData("""{"quantity":2147483648}""", "/quantity", "/messages/Order/fields/2", "range")]
    [InlineData("""{"quantity":"abc"}""", "/quantity", "/messages/Order/fields/2", "range")]
    [InlineData("""{"quantity":true}""", "/quantity", "/messages/Order/fields/2", "type")]
    [InlineData("""{"count":-1}""", "/count", "/messages/Order/fields/3", "range")]
    [InlineData("""{"totalCents":"9223372036854775808"}""", "/totalCents", "/messages/Order/fields/4", "range")]
    [InlineData("""{"big":"-1"}""", "/big", "/messages/Order/fields/5", "range")]
    [InlineData("""{"ratio":1e39}""", "/ratio", "/messages/Order/fields/8", "range")]
    [InlineData("""{"price":"nan"}""", "/price", "/messages/Order/fields/9", "range")]
    [InlineData("""{"paid":"true"}""", "/paid", "/messages/Order/fields/10", "type")]
    [InlineData("""{"blob":"a$b"}""", "/blob", "/messages/Order/fields/11", "format")]
    [InlineData("""{"status":"CLOSED"}""", "/status", "/messages/Order/fields/12", "enum")]
    [InlineData("""{"status":true}""", "/status", "/messages/Order/fields/12", "type")]
    [InlineData("""{"tags":"a"}""", "/tags", "/messages/Order/fields/13", "type")]
    [InlineData("""{"tags":["a",null]}""", "/tags/1", "/messages/Order/fields/13", "null")]
    [InlineData("""{"tags":["a",2]}""", "/tags/1", "/messages/Order/fields/13", "type")]
    [InlineData("""{"items":[]}""", "/items", "/messages/Order/fields/14", "type")]
    [InlineData("""{"items":{"x":null}}""", "/items/x", "/messages/Order/fields/14/value", "null")]
    [InlineData("""{"items":{"x":{"sku":1}}}""", "/items/x/sku", "/messages/Item/fields/1", "type")]
    [InlineData("""{"byNumber":{"one":"x"}}""", "/byNumber/one", "/messages/Order/fields/15/key", "mapKey")]
    [InlineData("""{"byFlag":{"yes":"x"}}""", "/byFlag/yes", "/messages/Order/fields/16/key", "mapKey")]
    [InlineData("""{"mainItem":{"children":[{"sku":"a","x":1}]}}""", "/mainItem/children/0/x", "/messages/Item", "unknownField")]
    [InlineData("""{"card":"4111","voucher":"V"}""", "/voucher", "/messages/Order/fields/19", "oneof")]
    [InlineData("""{"placedAt":"2024-02-30T00:00:00Z"}""", "/placedAt", "/imports/google~1protobuf~1timestamp.proto/messages/Timestamp", "format")]
    [InlineData("""{"placedAt":"2024-01-01 00:00:00Z"}""", "/placedAt", "/imports/google~1protobuf~1timestamp.proto/messages/Timestamp", "format")]
    [InlineData("""{"placedAt":1700000000}""", "/placedAt", "/imports/google~1protobuf~1timestamp.proto/messages/Timestamp", "type")]
    [InlineData("""{"ttl":"5"}""", "/ttl", "/imports/google~1protobuf~1duration.proto/messages/Duration", "format")]
    [InlineData("""{"ttl":"315576000001s"}""", "/ttl", "/imports/google~1protobuf~1duration.proto/messages/Duration", "format")]
    [InlineData("""{"extra":[1]}""", "/extra", "/imports/google~1protobuf~1struct.proto/messages/Struct", "type")]
    [InlineData("""{"list":{}}""", "/list", "/imports/google~1protobuf~1struct.proto/messages/ListValue", "type")]
    [InlineData("""{"maybeTotal":"x"}""", "/maybeTotal", "/imports/google~1protobuf~1wrappers.proto/messages/Int64Value", "range")]
    [InlineData("""{"mask":"a_b"}""", "/mask", "/imports/google~1protobuf~1field_mask.proto/messages/FieldMask", "format")]
    [InlineData("""{"payload":{"@type":"type.googleapis.com/shop.Missing"}}""", "/payload", "/imports/google~1protobuf~1any.proto/messages/Any", "anyType")]
    [InlineData("""{"payload":{"@type":"type.googleapis.com/shop.Item","nope":1}}""", "/payload", "/messages/Item", "unknownField")]
    [InlineData("""{"payload":{"sku":"s"}}""", "/payload", "/imports/google~1protobuf~1any.proto/messages/Any", "required")]
    [InlineData("""{"nothing":{"a":1}}""", "/nothing", "/imports/google~1protobuf~1empty.proto/messages/Empty", "type")]
    [InlineData("""{"nullValue":"X"}""", "/nullValue", "/messages/Order/fields/31", "enum")]
    public void Invalid_documents_say_where(string json, string instancePath, string schemaPath, string keyword)
    {
        var outcome = Check(json);
        outcome.IsValid.ShouldBeFalse();
        var error = outcome.Errors[0];
        error.InstancePath.ShouldBe(instancePath);
        error.SchemaPath.ShouldBe(schemaPath);
        error.Keyword.ShouldBe(keyword);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_error_is_reported()
    {
        var outcome = Check("""{"quantity":"x","paid":1,"nope":true}""");
        outcome.Errors.Select(e => e.InstancePath).ShouldBe(["/quantity", "/paid", "/nope"]);
    }

    [Fact]
    public void Json_pointer_escapes_property_names()
    {
        Check("""{"items":{"a/b~c":{"sku":1}}}""").Errors[0].InstancePath.ShouldBe("/items/a~1b~0c/sku");
    }

    [Fact]
    public void Escaped_names_and_values_are_matched_after_unescaping()
    {
        Check("""{"order\u005fid":"x","status":"STATUS\u005fOPEN"}""").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Proto2_required_fields_and_closed_enums_are_enforced()
    {
        var schema = Protos.Parse("syntax = \"proto2\";\nmessage M { required string id = 1; optional E e = 2; }\nenum E { A = 0; B = 1; }\n");
        var validator = schema.CompileValidator();
        var missing = validator.Validate(Json.Parse("{}"));
        missing.Errors.ShouldHaveSingleItem().Keyword.ShouldBe("required");
        missing.Errors[0].SchemaPath.ShouldBe("/messages/M/fields/1");
        validator.Validate(Json.Parse("""{"id":"x","e":5}""")).Errors.ShouldHaveSingleItem().Keyword.ShouldBe("enum");
        validator.Validate(Json.Parse("""{"id":"x","e":1}""")).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_exhausting_the_stack()
    {
        var json = string.Concat(Enumerable.Repeat("{\"children\":[", 150)) + "{}" + string.Concat(Enumerable.Repeat("]}", 150));
        var outcome = Schema.CompileValidator("shop.Item")!.Validate(Json.Parse(json, maxDepth: 1000));
        outcome.Errors.ShouldContain(e => e.Keyword == "depth");
    }

    [Fact]
    public void Another_message_is_chosen_by_name_or_index()
    {
        Schema.CompileValidator("shop.Item")!.Validate(Json.Parse("""{"sku":"a"}""")).IsValid.ShouldBeTrue();
        Schema.CompileValidator("Item")!.Validate(Json.Parse("""{"orderId":"a"}""")).IsValid.ShouldBeFalse();
        Schema.CompileValidator("1")!.Validate(Json.Parse("""{"sku":"a"}""")).IsValid.ShouldBeTrue();
        Schema.CompileValidator("shop.Status").ShouldBeNull();
    }

    [Fact]
    public void A_file_without_messages_refuses_every_document()
    {
        var schema = Protos.Parse("syntax = \"proto3\";\nenum E { A = 0; }\n");
        schema.MessageNames.ShouldBeEmpty();
        schema.CompileValidator().Validate(Json.Parse("{}")).Errors.ShouldHaveSingleItem().Keyword.ShouldBe("message");
    }

    [Fact]
    public void Valid_documents_do_not_allocate()
    {
        var document = Json.Parse("""{"orderId":"o-1","quantity":"42","totalCents":"123","status":"STATUS_OPEN","tags":["a"],"items":{"k":{"sku":"s"}},"byNumber":{"7":"x"},"placedAt":"2024-01-01T00:00:00Z","ttl":"1.5s","blob":"aGk=","card":"x"}""");
        Order.Validate(document).IsValid.ShouldBeTrue(); // warm up (per-thread state)
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Order.Validate(document);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}

public class MalformedStringTests
{
    private static readonly IDataValidator Validator = Protos.Parse(Protos.P3("message M { string s = 1; E e = 2; int64 n = 3; map<int32, string> m = 4; }\nenum E { A = 0; }")).CompileValidator();

    [Theory]
    [InlineData("""{"s":"\ud800"}""", "/s", "format")]
    [InlineData("""{"e":"\ud800"}""", "/e", "enum")]
    [InlineData("""{"n":"\ud800"}""", "/n", "range")]
    [InlineData("""{"\ud800":1}""", "/\\ud800", "unknownField")]
    [InlineData("""{"m":{"\ud800":"x"}}""", "/m/\\ud800", "mapKey")]
    public void Lone_surrogates_are_reported_not_thrown(string json, string instancePath, string keyword)
    {
        var outcome = Validator.Validate(Json.Parse(json));
        outcome.IsValid.ShouldBeFalse();
        outcome.Errors[0].Keyword.ShouldBe(keyword);
        outcome.Errors[0].InstancePath.ShouldBe(instancePath); // an undecodable name is shown as escaped in the document
    }
}
