using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Tests.Support;

/// <summary>
/// A tiny schema model for testing the format-independent engine: a schema is a set of allowed integer values, so
/// "B reads A" is exactly "A's set is a subset of B's". The diff reports removed values as breaking and added ones as
/// compatible; a description change is an annotation.
/// </summary>
internal sealed class FakeSchema(IReadOnlySet<int> values, string description = "", string type = "FAKE") : IParsedSchema
{
    public IReadOnlySet<int> Values => values;
    public string Description => description;
    public string SchemaType => type;
    public string CanonicalText => $"{type}:{string.Join(',', values.Order())}:{description}";
    public IReadOnlyList<SchemaReference> References => [];

    public static FakeSchema Of(params int[] values) => new(values.ToHashSet());

    public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous)
    {
        var old = (FakeSchema)previous;
        var changes = new List<SchemaChange>();
        foreach (var removed in old.Values.Except(values).Order())
            changes.Add(new SchemaChange("VALUE_REMOVED", $"/{removed}", $"{removed} is no longer allowed", ChangeImpact.Breaking));
        foreach (var added in values.Except(old.Values).Order())
            changes.Add(new SchemaChange("VALUE_ADDED", $"/{added}", $"{added} is now allowed", ChangeImpact.Compatible));
        if (old.Description != description)
            changes.Add(new SchemaChange("DESCRIPTION_CHANGED", "/description", "description changed", ChangeImpact.Annotation));
        return changes;
    }

    public IDataValidator CompileValidator() => new Validator(values);

    private sealed class Validator(IReadOnlySet<int> values) : IDataValidator
    {
        public ValidationOutcome Validate(JsonElement instance) =>
            instance.ValueKind == JsonValueKind.Number && instance.TryGetInt32(out var v) && values.Contains(v)
                ? ValidationOutcome.Valid
                : ValidationOutcome.Invalid([new ValidationError("", "", "enum", "not an allowed value")]);
    }
}
