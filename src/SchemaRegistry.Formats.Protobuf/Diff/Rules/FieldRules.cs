using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>One field number present in both versions: name, JSON name, type, cardinality, default, options.</summary>
internal static class FieldRules
{
    public static void Compare(FieldModel old, FieldModel updated, DiffContext context)
    {
        var path = updated.Path;
        if (old.Name != updated.Name)
        {
            context.Add(ChangeKinds.FieldNameChanged, path,
                $"Field {updated.Number} of {updated.Owner.FullName} was renamed from '{old.Name}' to '{updated.Name}' (the binary encoding is unchanged; JSON and generated code use the new name).");
        }
        else if (old.JsonName != updated.JsonName)
        {
            context.Add(ChangeKinds.FieldJsonNameChanged, path,
                $"The JSON name of field {updated.Number} '{updated.Name}' changed from '{old.JsonName}' to '{updated.JsonName}'.");
        }
        FieldTypeRules.Compare(old, updated, context);
        CardinalityRules.Compare(old, updated, context);
        if (old.Default != updated.Default)
        {
            context.Add(ChangeKinds.FieldDefaultChanged, path,
                $"The default of field {updated.Number} '{updated.Name}' changed from {old.Default ?? "(none)"} to {updated.Default ?? "(none)"}: an absent value now reads differently.");
        }
        OptionRules.Compare(old.Options, updated.Options, path, $"field {updated.Number} '{updated.Name}'", context);
    }
}
