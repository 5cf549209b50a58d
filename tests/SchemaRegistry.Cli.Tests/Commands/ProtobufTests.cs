using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

/// <summary>llm-registry with .proto files: register (with an import as a reference), check, validate.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ProtobufTests(RegistryFixture registry)
{
    private const string Money = "syntax = \"proto3\";\npackage common;\nmessage Money { string currency = 1; int64 units = 2; }\n";

    private const string Order = """
        syntax = "proto3";
        package shop;
        import "common/money.proto";
        message Order {
          string id = 1;
          common.Money total = 2;
        }
        """;

    [Fact]
    public async Task Register_with_an_import_then_check_compatible_and_breaking_changes()
    {
        var money = RegistryFixture.Subject();
        var orders = RegistryFixture.Subject();
        var registered = await registry.RunAsync("register", money, registry.WriteFile("money.proto", Money), "--type", "PROTOBUF");
        registered.ExitCode.ShouldBe(0, registered.ToString());
        var reference = $"common/money.proto={money}:1";
        var order = await registry.RunAsync("register", orders, registry.WriteFile("order.proto", Order), "--type", "PROTOBUF", "--reference", reference, "-o", "json");
        order.ExitCode.ShouldBe(0, order.ToString());
        order.Json["version"]!.GetValue<int>().ShouldBe(1);

        var compatible = await registry.RunAsync("check", orders,
            registry.WriteFile("order2.proto", Order.Replace("common.Money total = 2;", "common.Money total = 2;\n  repeated string tags = 3;", StringComparison.Ordinal)),
            "--type", "PROTOBUF", "--reference", reference);
        compatible.ExitCode.ShouldBe(0, compatible.ToString());
        compatible.Out.ShouldContain("Proposed semver: 1.1.0.");
        compatible.Out.ShouldContain("/messages/Order/fields/3");

        var breaking = await registry.RunAsync("check", orders,
            registry.WriteFile("order3.proto", Order.Replace("string id = 1;", "int64 id = 1;", StringComparison.Ordinal)),
            "--type", "PROTOBUF", "--reference", reference, "--output", "json");
        breaking.ExitCode.ShouldBe(1, breaking.ToString());
        breaking.Json["compatible"]!.GetValue<bool>().ShouldBeFalse();
        breaking.Json["violations"]!.ToJsonString().ShouldContain("FIELD_SCALAR_KIND_CHANGED");
    }

    [Fact]
    public async Task An_invalid_proto_file_is_refused_with_its_location()
    {
        var result = await registry.RunAsync("register", RegistryFixture.Subject(), registry.WriteFile("bad.proto", "syntax = \"proto3\";\nmessage M {\n  string a = 1\n}\n"), "--type", "PROTOBUF");
        result.ExitCode.ShouldNotBe(0);
        (result.Out + result.Error).ShouldContain("4:1");
    }
}
