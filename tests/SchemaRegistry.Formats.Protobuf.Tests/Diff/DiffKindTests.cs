using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Diff;
using SchemaRegistry.Formats.Protobuf.Tests.Support;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.Protobuf.Tests.Diff;

/// <summary>Each change kind of the catalogue, produced on its own with its path and impact.</summary>
public class DiffKindTests
{
    private static string P3(string body) => Protos.P3(body);

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { ChangeKinds.ImportAdded, P3("message M {}"), "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/empty.proto\";\nmessage M {}", "/imports/google~1protobuf~1empty.proto" },
        { ChangeKinds.ImportRemoved, "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/empty.proto\";\nmessage M {}", P3("message M {}"), "/imports/google~1protobuf~1empty.proto" },
        { ChangeKinds.OptionAdded, P3("message M { string a = 1; }"), P3("message M { string a = 1 [deprecated = true]; }"), "/messages/M/fields/1/options/deprecated" },
        { ChangeKinds.OptionRemoved, P3("message M { option deprecated = true; }"), P3("message M { }"), "/messages/M/options/deprecated" },
        { ChangeKinds.OptionChanged, P3("enum E { option allow_alias = true; A = 0; B = 0; }"), P3("enum E { option allow_alias = false; A = 0; B = 1; }"), "/enums/E/options/allow_alias" },
        { ChangeKinds.ExtensionRangesChanged, Protos.P2("message M { extensions 100 to 199; }"), Protos.P2("message M { extensions 100 to 299; }"), "/messages/M/extensions" },
        { ChangeKinds.FieldEnumTypeChanged, P3("message M { E1 e = 1; }\nenum E1 { A = 0; }\nenum E2 { B = 0; }"), P3("message M { E2 e = 1; }\nenum E1 { A = 0; }\nenum E2 { B = 0; }"), "/messages/M/fields/1" },
        { ChangeKinds.FieldOneofChanged, P3("message M { oneof a { string x = 1; } oneof b { string y = 2; } }"), P3("message M { oneof a { string y = 2; } oneof b { string x = 1; } }"), "/messages/M/fields/2" },
        { ChangeKinds.ServiceAdded, P3("message A {}"), P3("message A {}\nservice S { rpc C (A) returns (A); }"), "/services/S" },
        { ChangeKinds.ServiceRemoved, P3("message A {}\nservice S { rpc C (A) returns (A); }"), P3("message A {}"), "/services/S" },
        { ChangeKinds.RpcAdded, P3("message A {}\nservice S { }"), P3("message A {}\nservice S { rpc C (A) returns (A); }"), "/services/S/rpcs/C" },
        { ChangeKinds.RpcRemoved, P3("message A {}\nservice S { rpc C (A) returns (A); }"), P3("message A {}\nservice S { }"), "/services/S/rpcs/C" },
        { ChangeKinds.RequiredFieldRemoved, Protos.P2("message M { required int32 r = 1; }"), Protos.P2("message M { }"), "/messages/M/fields/1" },
        { ChangeKinds.FieldCardinalityNarrowed, P3("message M { repeated string s = 1; }"), P3("message M { string s = 1; }"), "/messages/M/fields/1" },
        { ChangeKinds.FieldKindChanged, P3("message M { map<string, string> m = 1; }"), P3("message M { repeated string m = 1; }"), "/messages/M/fields/1" },
        { ChangeKinds.FieldScalarKindChanged, P3("message M { map<int32, string> m = 1; }"), P3("message M { map<string, string> m = 1; }"), "/messages/M/fields/1/key" },
        { ChangeKinds.MessageRemoved, P3("message M { message Inner {} }"), P3("message M { }"), "/messages/M/messages/Inner" },
        { ChangeKinds.EnumAdded, P3("message M { }"), P3("message M { enum E { Z = 0; } }"), "/messages/M/enums/E" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kind_is_reported_with_its_path_and_impact(string kind, string oldText, string newText, string path)
    {
        var changes = Protos.Diff(oldText, newText);
        var change = changes.FirstOrDefault(c => c.Kind == kind);
        change.ShouldNotBeNull($"got {string.Join("; ", changes.Select(c => $"{c.Kind} {c.Path}"))}");
        change.Path.ShouldBe(path);
        change.Impact.ShouldBe(ChangeKinds.Impacts[kind]);
        change.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_kind_of_the_catalogue_is_exercised_by_a_test()
    {
        var exercised = new HashSet<string>(ProtobufCompatibilityCases.All.SelectMany(c => c.Kinds));
        foreach (var row in Cases()) exercised.Add((string)row[0]);
        var constants = typeof(ChangeKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        constants.ShouldBe(ChangeKinds.Impacts.Keys, ignoreOrder: true);
        constants.Except(exercised).ShouldBeEmpty();
    }

    [Fact]
    public void Annotation_only_changes_are_a_patch_and_compatible()
    {
        var changes = Protos.Diff(P3("message M { string a = 1; }"), P3("option java_package = \"x\";\nmessage M { string a = 1 [deprecated = true]; }"));
        changes.ShouldNotBeEmpty();
        changes.ShouldAllBe(c => c.Impact == ChangeImpact.Annotation);
    }

    [Fact]
    public void A_schema_of_another_format_is_a_schema_type_change()
    {
        var other = new JsonLike();
        var change = Protos.Parse(P3("message M {}")).DiffFrom(other).ShouldHaveSingleItem();
        change.Kind.ShouldBe(CommonChangeKinds.SchemaTypeChanged);
        change.Impact.ShouldBe(ChangeImpact.Breaking);
    }

    [Fact]
    public void Recursive_imported_types_terminate()
    {
        var v1 = Protos.Reference("tree.proto", "syntax = \"proto3\";\npackage t;\nmessage Node { repeated Node children = 1; string v = 2; }\n");
        var v2 = Protos.Reference("tree.proto", "syntax = \"proto3\";\npackage t;\nmessage Node { repeated Node children = 1; int64 v = 2; }\n", 2);
        const string text = "syntax = \"proto3\";\nimport \"tree.proto\";\nmessage M { t.Node root = 1; }\n";
        var changes = Protos.Parse(text, references: v2).DiffFrom(Protos.Parse(text, references: v1));
        changes.ShouldHaveSingleItem().Path.ShouldBe("/imports/tree.proto/messages/Node/fields/2");
    }

    private sealed class JsonLike : IParsedSchema
    {
        public string SchemaType => "JSON";
        public string CanonicalText => "{}";
        public IReadOnlyList<SchemaReference> References => [];
        public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous) => [];
        public IDataValidator CompileValidator() => throw new NotSupportedException();
    }
}
