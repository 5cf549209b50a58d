using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// One message against its earlier version: fields matched by number (the wire identifies fields by number only),
/// then oneofs, reservations, options and the nested types.
/// </summary>
internal static class MessageRules
{
    public static void Compare(MessageModel old, MessageModel updated, DiffContext context)
    {
        OptionRules.Compare(old.Options, updated.Options, updated.Path, "message " + updated.FullName, context);
        ReservedRules.Compare(old.Reserved, updated.Reserved, updated.Path, "message " + updated.FullName, context);
        if (!old.ExtensionRanges.SequenceEqual(updated.ExtensionRanges))
            context.Add(ChangeKinds.ExtensionRangesChanged, updated.Path + "/extensions", $"The extension ranges of {updated.FullName} changed.");

        foreach (var field in updated.Fields)
        {
            var previous = old.FieldByNumber(field.Number);
            if (previous is null) Added(old, field, context);
            else FieldRules.Compare(previous, field, context);
        }
        foreach (var field in old.Fields.Where(f => updated.FieldByNumber(f.Number) is null))
            Removed(field, updated, context);

        OneofRules.Compare(old, updated, context);
        TypeSetRules.Compare(old.Messages, old.Enums, updated.Messages, updated.Enums, context);
    }

    private static void Added(MessageModel old, FieldModel field, DiffContext context)
    {
        if (old.IsNumberReserved(field.Number) || old.IsNameReserved(field.Name))
        {
            context.Add(ChangeKinds.ReservedFieldReused, field.Path,
                $"Field {field.Number} '{field.Name}' of {field.Owner.FullName} uses a number or name the old schema reserved: old data may hold a retired field there.");
        }
        if (field.Cardinality == Cardinality.Required)
            context.Add(ChangeKinds.RequiredFieldAdded, field.Path, $"The required field {field.Number} '{field.Name}' was added to {field.Owner.FullName}: old data does not have it.");
        else if (field.Oneof is { } oneof && old.Oneofs.Exists(o => o.Name == oneof.Name))
            context.Add(ChangeKinds.OneofFieldAdded, field.Path, $"The field {field.Number} '{field.Name}' was added to the oneof {oneof.Name} of {field.Owner.FullName}.");
        else
            context.Add(ChangeKinds.FieldAdded, field.Path, $"The field {field.Number} '{field.Name}' was added to {field.Owner.FullName}.");
    }

    private static void Removed(FieldModel field, MessageModel updated, DiffContext context)
    {
        if (field.Cardinality == Cardinality.Required)
        {
            context.Add(ChangeKinds.RequiredFieldRemoved, field.Path, $"The required field {field.Number} '{field.Name}' was removed from {updated.FullName}.");
        }
        else if (field.Oneof is { } oneof && updated.Oneofs.Exists(o => o.Name == oneof.Name))
        {
            context.Add(ChangeKinds.OneofFieldRemoved, field.Path,
                $"The field {field.Number} '{field.Name}' was removed from the oneof {oneof.Name} of {updated.FullName}: data that set it reads as no member set.");
        }
        else if (updated.IsNumberReserved(field.Number) && updated.IsNameReserved(field.Name))
        {
            context.Add(ChangeKinds.FieldRemoved, field.Path, $"The field {field.Number} '{field.Name}' was removed from {updated.FullName}; its number and name are reserved.");
        }
        else
        {
            var missing = (updated.IsNumberReserved(field.Number), updated.IsNameReserved(field.Name)) switch
            {
                (false, false) => $"number {field.Number} and name \"{field.Name}\"",
                (false, true) => $"number {field.Number}",
                _ => $"name \"{field.Name}\"",
            };
            context.Add(ChangeKinds.FieldRemovedWithoutReservation, field.Path,
                $"The field {field.Number} '{field.Name}' was removed from {updated.FullName} without reserving its {missing}: a later version could reuse them for another field.");
        }
    }
}
