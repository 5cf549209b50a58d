using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// The type of a field number present in both versions, at the wire level: scalar (or enum) against message against
/// map; scalars by wire group; message types by name without the package (a package rename is reported once, at the
/// file); types from imports followed into the referenced version.
/// </summary>
internal static class FieldTypeRules
{
    private enum Category
    {
        Scalar,
        Message,
        Map,
    }

    public static void Compare(FieldModel old, FieldModel updated, DiffContext context)
    {
        var (oldCategory, newCategory) = (CategoryOf(old), CategoryOf(updated));
        if (oldCategory != newCategory)
        {
            context.Add(ChangeKinds.FieldKindChanged, updated.Path,
                $"Field {updated.Number} '{updated.Name}' changed from {Describe(old, oldCategory)} to {Describe(updated, newCategory)}: the encodings are not interchangeable.");
            return;
        }
        switch (newCategory)
        {
            case Category.Map:
                var (oldEntry, newEntry) = (old.MessageType!, updated.MessageType!);
                CompareTypes(oldEntry.FieldByNumber(1)!, newEntry.FieldByNumber(1)!, updated.Path + "/key", $"the key of map field '{updated.Name}'", context);
                CompareTypes(oldEntry.FieldByNumber(2)!, newEntry.FieldByNumber(2)!, updated.Path + "/value", $"the value of map field '{updated.Name}'", context);
                break;
            default:
                CompareTypes(old, updated, updated.Path, $"field {updated.Number} '{updated.Name}'", context);
                break;
        }
    }

    private static Category CategoryOf(FieldModel field) =>
        field.Cardinality == Cardinality.Map ? Category.Map : field.Kind == FieldKind.Message ? Category.Message : Category.Scalar;

    private static string Describe(FieldModel field, Category category) => category switch
    {
        Category.Map => "a map",
        Category.Message => "message " + field.TypeName,
        _ => ScalarGroups.Describe(field),
    };

    /// <summary>Compares the types of two fields (or map keys/values) that have the same category.</summary>
    private static void CompareTypes(FieldModel old, FieldModel updated, string path, string what, DiffContext context)
    {
        if ((old.Kind == FieldKind.Message) != (updated.Kind == FieldKind.Message))
        {
            context.Add(ChangeKinds.FieldKindChanged, path, $"The type of {what} changed from {ScalarGroups.Describe(old)} to {ScalarGroups.Describe(updated)}.");
            return;
        }
        if (updated.Kind == FieldKind.Message)
        {
            if (old.MessageType is null || updated.MessageType is null) return;
            if (old.MessageType.LocalName != updated.MessageType.LocalName)
            {
                context.Add(ChangeKinds.FieldNamedTypeChanged, path, $"The type of {what} changed from message {old.TypeName} to message {updated.TypeName}.");
                return;
            }
            context.CompareImported(old.MessageType, updated.MessageType);
            return;
        }
        if (old.Kind == FieldKind.Enum && updated.Kind == FieldKind.Enum)
        {
            if (old.EnumType is null || updated.EnumType is null) return;
            if (old.EnumType.LocalName != updated.EnumType.LocalName)
                context.Add(ChangeKinds.FieldEnumTypeChanged, path, $"The type of {what} changed from enum {old.TypeName} to enum {updated.TypeName} (both are varints; check that the numbers mean the same).");
            else
                context.CompareImported(old.EnumType, updated.EnumType);
            return;
        }
        if (old.Kind == updated.Kind) return;
        var from = ScalarGroups.Describe(old);
        var to = ScalarGroups.Describe(updated);
        if (old.Kind == FieldKind.Bytes && updated.Kind == FieldKind.String)
        {
            context.Add(ChangeKinds.FieldScalarKindChanged, path, $"The type of {what} changed from bytes to string: old values that are not valid UTF-8 cannot be read as strings.");
        }
        else if (ScalarGroups.Of(old.Kind) == ScalarGroups.Of(updated.Kind))
        {
            context.Add(ChangeKinds.FieldWireCompatibleTypeChanged, path, $"The type of {what} changed from {from} to {to}, which share a wire encoding (values out of the new range are truncated).");
        }
        else
        {
            context.Add(ChangeKinds.FieldScalarKindChanged, path, $"The type of {what} changed from {from} to {to}, which have different wire encodings.");
        }
    }
}
