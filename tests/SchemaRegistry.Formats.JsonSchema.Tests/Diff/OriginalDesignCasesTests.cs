using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Diff;

/// <summary>
/// The user-schema cases of the original design (ORIGINAL.md, compatibility-checker integration tests), written as
/// JSON Schema. The original names (FIELD_REMOVED, REQUIRED_ADDED, TYPE_CHANGED, FORMAT_CHANGED) map to this catalogue.
/// </summary>
public sealed class OriginalDesignCasesTests
{
    private const string UserV1 = """
        {"type": "object",
         "properties": {"id": {"type": "integer"}, "email": {"type": "string", "format": "email"}},
         "required": ["id", "email"],
         "additionalProperties": false}
        """;

    private static CompatibilityReport Check(CompatibilityLevel level, string candidate, string previous) =>
        CompatibilityChecker.Check(level, Parse(candidate), [new VersionedSchema(1, Parse(previous))]);

    [Fact]
    public void Adding_an_optional_field_is_backward_compatible()
    {
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "string", "format": "email"}, "nickname": {"type": "string"}}, "required": ["id", "email"], "additionalProperties": false}""";
        Check(CompatibilityLevel.Backward, v2, UserV1).IsCompatible.ShouldBeTrue();
        Support.Schemas.Diff(UserV1, v2).ShouldContain(c => c.Kind == ChangeKinds.OptionalPropertyAddedToUnopenContentModel && c.Path == "/properties/nickname" && c.Impact == ChangeImpact.Compatible);
    }

    [Fact]
    public void Adding_an_optional_field_to_an_open_object_is_not_backward_compatible()
    {
        // Old data could already carry "nickname" with any value: the new constraint may refuse it.
        const string open = """{"type": "object", "properties": {"id": {"type": "integer"}}}""";
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}, "nickname": {"type": "string"}}}""";
        Check(CompatibilityLevel.Backward, v2, open).Violations.Single().Change.Kind.ShouldBe(ChangeKinds.PropertyAddedToOpenContentModel);
    }

    [Fact]
    public void Removing_the_required_email_breaks_backward_with_a_removal_kind()
    {
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"], "additionalProperties": false}""";
        var report = Check(CompatibilityLevel.Backward, v2, UserV1);
        report.IsCompatible.ShouldBeFalse();
        var violation = report.Violations.ShouldHaveSingleItem();
        violation.Change.Kind.ShouldBe(ChangeKinds.PropertyRemovedFromClosedContentModel);
        violation.Change.Path.ShouldBe("/properties/email");
        violation.Change.Impact.ShouldBe(ChangeImpact.Breaking);
        // The same removal also no longer requires email: a compatible change reported alongside.
        Support.Schemas.Diff(UserV1, v2).ShouldContain(c => c.Kind == ChangeKinds.RequiredAttributeRemoved && c.Path == "/required/1");
    }

    [Fact]
    public void Forward_allows_the_removal_of_an_optional_field()
    {
        // FORWARD: v1 readers get v2 data. Without email in v2 data, v1 still reads it when email was optional...
        const string optionalEmail = """{"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "string"}}, "required": ["id"], "additionalProperties": false}""";
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"], "additionalProperties": false}""";
        Check(CompatibilityLevel.Forward, v2, optionalEmail).IsCompatible.ShouldBeTrue();
        Check(CompatibilityLevel.Backward, v2, optionalEmail).IsCompatible.ShouldBeFalse();
        // ...but not when v1 required it: v1 readers refuse data without email.
        var violation = Check(CompatibilityLevel.Forward, v2, UserV1).Violations.ShouldHaveSingleItem();
        violation.Direction.ShouldBe(CompatibilityDirection.Forward);
        violation.Change.Kind.ShouldBe(ChangeKinds.RequiredPropertyAddedToUnopenContentModel);
    }

    [Fact]
    public void Full_accepts_an_optional_field_with_a_default_that_old_readers_already_allow()
    {
        // Extra members must be strings in v1, so a string field with a default is readable both ways.
        const string v1 = """{"type": "object", "properties": {"id": {"type": "integer"}}, "additionalProperties": {"type": "string"}}""";
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}, "locale": {"type": "string", "default": "en"}}, "additionalProperties": {"type": "string"}}""";
        Check(CompatibilityLevel.Full, v2, v1).IsCompatible.ShouldBeTrue();
        Support.Schemas.Diff(v1, v2).ShouldContain(c => c.Kind == ChangeKinds.PropertyAddedIsCoveredByPartiallyOpenContentModel && c.Path == "/properties/locale");
        // Changing only the default is an annotation: FULL too.
        Check(CompatibilityLevel.Full, v2.Replace("\"en\"", "\"fr\"", StringComparison.Ordinal), v2).IsCompatible.ShouldBeTrue();
    }

    [Fact]
    public void None_accepts_anything()
    {
        Check(CompatibilityLevel.None, """{"type": "integer"}""", UserV1).IsCompatible.ShouldBeTrue();
        Check(CompatibilityLevel.None, "false", UserV1).IsCompatible.ShouldBeTrue();
    }

    [Fact]
    public void String_to_integer_is_a_type_change()
    {
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "integer"}}, "required": ["id", "email"], "additionalProperties": false}""";
        var change = Check(CompatibilityLevel.Backward, v2, UserV1).Violations.Select(v => v.Change).First(c => c.Path == "/properties/email/type");
        change.Kind.ShouldBe(ChangeKinds.TypeChanged);
        change.Impact.ShouldBe(ChangeImpact.Breaking);
        // Narrowing (the new type a subset of the old) has its own kind.
        Support.Schemas.Diff("""{"type": ["string", "integer"]}""", """{"type": "integer"}""").ShouldContain(c => c.Kind == ChangeKinds.TypeNarrowed);
    }

    [Fact]
    public void A_new_required_field_breaks_backward()
    {
        const string v1 = """{"type": "object", "properties": {"id": {"type": "integer"}, "phone": {"type": "string"}}}""";
        const string v2 = """{"type": "object", "properties": {"id": {"type": "integer"}, "phone": {"type": "string"}}, "required": ["phone"]}""";
        var violation = Check(CompatibilityLevel.Backward, v2, v1).Violations.ShouldHaveSingleItem();
        violation.Change.Kind.ShouldBe(ChangeKinds.RequiredAttributeAdded);
        violation.Change.Path.ShouldBe("/required/0");
    }

    [Fact]
    public void Moving_from_json_to_avro_is_a_schema_type_change()
    {
        var avro = new FakeAvroSchema();
        foreach (var level in new[] { CompatibilityLevel.Backward, CompatibilityLevel.Forward, CompatibilityLevel.Full })
        {
            var report = CompatibilityChecker.Check(level, avro, [new VersionedSchema(1, Parse(UserV1))]);
            report.IsCompatible.ShouldBeFalse();
            report.Violations.ShouldAllBe(v => v.Change.Kind == CommonChangeKinds.SchemaTypeChanged && v.Change.Impact == ChangeImpact.Breaking);
        }
        Parse(UserV1).DiffFrom(avro).ShouldHaveSingleItem().Kind.ShouldBe(CommonChangeKinds.SchemaTypeChanged);
    }

    private sealed class FakeAvroSchema : IParsedSchema
    {
        public string SchemaType => "AVRO";
        public string CanonicalText => """{"type":"record","name":"User","fields":[]}""";
        public IReadOnlyList<SchemaReference> References => [];
        public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous) => throw new NotSupportedException("not used");
        public IDataValidator CompileValidator() => throw new NotSupportedException("not used");
    }
}
