using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Versions;
using SchemaRegistry.Formats.Avro.Diff;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Diff;

/// <summary>Every kind of the catalogue, produced by a real edit, with its path and impact.</summary>
public sealed class DiffKindTests
{
    private static string Rec(string fields, string extra = "") => $$"""{"type":"record","name":"R","namespace":"ns"{{extra}},"fields":[{{fields}}]}""";
    private static string Field(string type, string extra = "") => $$"""{"name":"f","type":{{type}}{{extra}}}""";
    private const string Enum = """{"type":"enum","name":"E","symbols":["A","B"]}""";

    /// <summary>(kind, old schema, new schema, path of the change).</summary>
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { AvroChangeKinds.NameMismatch, Rec(Field("\"int\"")), Rec(Field("\"int\"")).Replace("\"R\"", "\"S\"", StringComparison.Ordinal), "/name" },
        { AvroChangeKinds.FixedSizeMismatch, """{"type":"fixed","name":"F","size":4}""", """{"type":"fixed","name":"F","size":8}""", "/size" },
        { AvroChangeKinds.MissingEnumSymbols, Rec(Field(Enum)), Rec(Field("""{"type":"enum","name":"E","symbols":["A"]}""")), "/fields/0/type/symbols" },
        { AvroChangeKinds.ReaderFieldMissingDefaultValue, Rec(""), Rec(Field("\"int\"")), "/fields/0" },
        { AvroChangeKinds.TypeMismatch, Rec(Field("\"string\"")), Rec(Field("\"int\"")), "/fields/0/type" },
        { AvroChangeKinds.MissingUnionBranch, Rec(Field("""["null","string"]""")), Rec(Field("""["null","int"]""")), "/fields/0/type/1" },
        { AvroChangeKinds.ReaderFieldMatchesMultipleWriterFields, Rec("""{"name":"a","type":"int"},{"name":"b","type":"int"}"""), Rec("""{"name":"a","type":"int","aliases":["b"]}"""), "/fields/0" },
        { AvroChangeKinds.DecimalScaleChanged, Decimal(9, 2), Decimal(9, 3), "/fields/0/type/scale" },
        { AvroChangeKinds.DecimalPrecisionDecreased, Decimal(9, 2), Decimal(6, 2), "/fields/0/type/precision" },
        { AvroChangeKinds.LogicalTypeChanged, Rec(Field("""{"type":"long","logicalType":"timestamp-millis"}""")), Rec(Field("""{"type":"long","logicalType":"timestamp-micros"}""")), "/fields/0/type/logicalType" },
        { AvroChangeKinds.FieldAddedWithDefault, Rec(""), Rec(Field("\"int\"", ",\"default\":0")), "/fields/0" },
        { AvroChangeKinds.FieldRemoved, Rec(Field("\"int\"")), Rec(""), "/fields/0" },
        { AvroChangeKinds.FieldRenamedWithAlias, Rec(Field("\"int\"")), Rec("""{"name":"g","type":"int","aliases":["f"]}"""), "/fields/0/name" },
        { AvroChangeKinds.FieldsReordered, Rec("""{"name":"a","type":"int"},{"name":"b","type":"int"}"""), Rec("""{"name":"b","type":"int"},{"name":"a","type":"int"}"""), "/fields" },
        { AvroChangeKinds.TypePromoted, Rec(Field("\"int\"")), Rec(Field("\"long\"")), "/fields/0/type" },
        { AvroChangeKinds.TypeWidenedToUnion, Rec(Field("\"int\"")), Rec(Field("""["null","int"]""")), "/fields/0/type" },
        { AvroChangeKinds.UnionNarrowedToType, Rec(Field("""["int"]""")), Rec(Field("\"int\"")), "/fields/0/type" },
        { AvroChangeKinds.UnionBranchAdded, Rec(Field("""["null","int"]""")), Rec(Field("""["null","int","string"]""")), "/fields/0/type/2" },
        { AvroChangeKinds.UnionBranchesReordered, Rec(Field("""["null","int"]""")), Rec(Field("""["int","null"]""")), "/fields/0/type" },
        { AvroChangeKinds.EnumSymbolAdded, Rec(Field(Enum)), Rec(Field("""{"type":"enum","name":"E","symbols":["A","B","C"]}""")), "/fields/0/type/symbols" },
        { AvroChangeKinds.EnumSymbolRemovedCoveredByDefault, Rec(Field(Enum)), Rec(Field("""{"type":"enum","name":"E","symbols":["A"],"default":"A"}""")), "/fields/0/type/symbols" },
        { AvroChangeKinds.EnumSymbolsReordered, Rec(Field(Enum)), Rec(Field("""{"type":"enum","name":"E","symbols":["B","A"]}""")), "/fields/0/type/symbols" },
        { AvroChangeKinds.NameChangedWithAlias, Rec(Field("\"int\"")), Rec(Field("\"int\""), ",\"aliases\":[\"R\"]").Replace("\"name\":\"R\"", "\"name\":\"S\"", StringComparison.Ordinal), "/name" },
        { AvroChangeKinds.NamespaceChanged, Rec(Field("\"int\"")), Rec(Field("\"int\"")).Replace("\"ns\"", "\"other\"", StringComparison.Ordinal), "/name" },
        { AvroChangeKinds.DecimalPrecisionIncreased, Decimal(9, 2), Decimal(12, 2), "/fields/0/type/precision" },
        { AvroChangeKinds.LogicalTypeAdded, Rec(Field("\"long\"")), Rec(Field("""{"type":"long","logicalType":"timestamp-millis"}""")), "/fields/0/type/logicalType" },
        { AvroChangeKinds.LogicalTypeRemoved, Rec(Field("""{"type":"int","logicalType":"date"}""")), Rec(Field("\"int\"")), "/fields/0/type/logicalType" },
        { AvroChangeKinds.DocChanged, Rec(Field("\"int\"")), Rec(Field("\"int\""), ",\"doc\":\"Now documented\""), "/doc" },
        { AvroChangeKinds.AliasesChanged, Rec(Field("\"int\"")), Rec(Field("\"int\""), ",\"aliases\":[\"Old\"]"), "/aliases" },
        { AvroChangeKinds.RecordErrorFlagChanged, Rec(Field("\"int\"")), Rec(Field("\"int\"")).Replace("\"record\"", "\"error\"", StringComparison.Ordinal), "/type" },
        { AvroChangeKinds.FieldDocChanged, Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"doc\":\"x\"")), "/fields/0/doc" },
        { AvroChangeKinds.FieldAliasesChanged, Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"aliases\":[\"g\"]")), "/fields/0/aliases" },
        { AvroChangeKinds.FieldDefaultAdded, Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"default\":1")), "/fields/0/default" },
        { AvroChangeKinds.FieldDefaultRemoved, Rec(Field("\"int\"", ",\"default\":1")), Rec(Field("\"int\"")), "/fields/0/default" },
        { AvroChangeKinds.FieldDefaultChanged, Rec(Field("\"int\"", ",\"default\":1")), Rec(Field("\"int\"", ",\"default\":2")), "/fields/0/default" },
        { AvroChangeKinds.FieldOrderChanged, Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"order\":\"descending\"")), "/fields/0/order" },
        { AvroChangeKinds.EnumDefaultAdded, Rec(Field(Enum)), Rec(Field("""{"type":"enum","name":"E","symbols":["A","B"],"default":"B"}""")), "/fields/0/type/default" },
        { AvroChangeKinds.EnumDefaultRemoved, Rec(Field("""{"type":"enum","name":"E","symbols":["A","B"],"default":"B"}""")), Rec(Field(Enum)), "/fields/0/type/default" },
        { AvroChangeKinds.EnumDefaultChanged, Rec(Field("""{"type":"enum","name":"E","symbols":["A","B"],"default":"B"}""")), Rec(Field("""{"type":"enum","name":"E","symbols":["A","B"],"default":"A"}""")), "/fields/0/type/default" },
        { AvroChangeKinds.PropertyAdded, Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"x-pii\":true")), "/fields/0/x-pii" },
        { AvroChangeKinds.PropertyRemoved, Rec(Field("""{"type":"string","avro.java.string":"String"}""")), Rec(Field("\"string\"")), "/fields/0/type/avro.java.string" },
        { AvroChangeKinds.PropertyChanged, Rec(Field("\"int\""), ",\"owner\":\"a\""), Rec(Field("\"int\""), ",\"owner\":\"b\""), "/owner" },
    };

    private static string Decimal(int precision, int scale) => Rec(Field($$"""{"type":"bytes","logicalType":"decimal","precision":{{precision}},"scale":{{scale}}}"""));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_is_reported_with_its_path_and_impact(string kind, string old, string @new, string path)
    {
        var changes = Changes(old, @new);
        var change = changes.FirstOrDefault(c => c.Kind == kind);
        change.ShouldNotBeNull($"{kind} not in [{string.Join(", ", changes.Select(c => $"{c.Kind} {c.Path}"))}]");
        change.Path.ShouldBe(path);
        change.Impact.ShouldBe(AvroChangeKinds.Info(kind).Impact);
        change.Message.ShouldNotBeNullOrWhiteSpace();
        // Nothing else is breaking unless this kind is.
        if (change.Impact != ChangeImpact.Breaking) changes.ShouldAllBe(c => c.Impact != ChangeImpact.Breaking);
    }

    [Fact]
    public void Every_catalogue_kind_has_a_case()
    {
        var covered = Cases().Select(row => (string)row[0]).ToHashSet();
        AvroChangeKinds.All.Select(k => k.Kind).Where(k => !covered.Contains(k)).ShouldBeEmpty();
        AvroChangeKinds.All.Select(k => k.Kind).ShouldBeUnique();
    }

    [Fact]
    public void Identical_schemas_have_no_changes()
    {
        var text = Rec(Field("""["null",{"type":"array","items":"R"}]""", ",\"default\":null"), ",\"doc\":\"d\"");
        Changes(text, text).ShouldBeEmpty();
    }

    [Fact]
    public void The_semver_bump_follows_the_impacts()
    {
        SemverPolicy.Propose(SemanticVersion.Parse("1.2.3"), Changes(Rec(""), Rec(Field("\"int\"")))).ToString().ShouldBe("2.0.0");
        SemverPolicy.Propose(SemanticVersion.Parse("1.2.3"), Changes(Rec(""), Rec(Field("\"int\"", ",\"default\":0")))).ToString().ShouldBe("1.3.0");
        SemverPolicy.Propose(SemanticVersion.Parse("1.2.3"), Changes(Rec(Field("\"int\"")), Rec(Field("\"int\"", ",\"doc\":\"x\"")))).ToString().ShouldBe("1.2.4");
    }

    [Fact]
    public void A_breaking_change_inside_a_union_branch_is_located_there()
    {
        // The record inside the union gained a field without default: the checker finds it through the union.
        var old = Rec(Field("""["null",{"type":"record","name":"Inner","fields":[]}]"""));
        var @new = Rec(Field("""["null",{"type":"record","name":"Inner","fields":[{"name":"x","type":"int"}]}]"""));
        var changes = Changes(old, @new);
        changes.ShouldContain(c => c.Kind == AvroChangeKinds.MissingUnionBranch && c.Path == "/fields/0/type/1");
    }

    [Fact]
    public void Recursive_schemas_compare_and_terminate()
    {
        var list = """{"type":"record","name":"Node","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"]}]}""";
        var widened = list.Replace("\"value\",\"type\":\"int\"", "\"value\",\"type\":\"long\"", StringComparison.Ordinal);
        Changes(list, list).ShouldBeEmpty();
        var changes = Changes(list, widened);
        changes.ShouldHaveSingleItem().Kind.ShouldBe(AvroChangeKinds.TypePromoted);
        Changes(widened, list).ShouldContain(c => c.Kind == AvroChangeKinds.TypeMismatch && c.Path == "/fields/0/type");
    }

    [Fact]
    public void An_enum_with_a_default_in_a_new_field_without_one_is_refused_as_java_does()
    {
        // Java's quirk, kept: the enum is checked against the writer record (never a match), so the new field needs
        // a field default even though its enum has one.
        var changes = Changes(Rec(""), Rec(Field("""{"type":"enum","name":"E","symbols":["A"],"default":"A"}""")));
        changes.ShouldContain(c => c.Kind == AvroChangeKinds.TypeMismatch && c.Path == "/fields/0/type" && c.Message.Contains("reader type: ENUM not compatible with writer type: RECORD"));
    }
}
