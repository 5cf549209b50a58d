using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// Labels at the wire level: implicit and explicit presence encode the same; a repeated reader accepts packed and
/// unpacked values, so singular to repeated is safe while repeated to singular is not; required is a contract on both
/// sides. Oneof membership and maps are judged by their own rules.
/// </summary>
internal static class CardinalityRules
{
    public static void Compare(FieldModel old, FieldModel updated, DiffContext context)
    {
        var (from, to) = (old.Cardinality, updated.Cardinality);
        if (from == to || from == Cardinality.Map || to == Cardinality.Map) return;
        if (old.Oneof is not null || updated.Oneof is not null) return;
        // A proto3 message field always tracks presence: a change to or from a message is reported as a kind change.
        if ((old.Kind == FieldKind.Message) != (updated.Kind == FieldKind.Message) && from != Cardinality.Repeated && to != Cardinality.Repeated) return;
        var path = updated.Path;
        var what = $"Field {updated.Number} '{updated.Name}' of {updated.Owner.FullName}";
        if (to == Cardinality.Repeated)
        {
            context.Add(ChangeKinds.FieldCardinalityWidened, path, $"{what} became repeated: an old single value reads as a list of one.");
        }
        else if (from == Cardinality.Repeated)
        {
            context.Add(ChangeKinds.FieldCardinalityNarrowed, path, old.IsNumeric
                ? $"{what} is no longer repeated: packed numbers written by the old schema cannot be read as a single value."
                : $"{what} is no longer repeated: only the last of the old values would be kept.");
        }
        else if (from == Cardinality.Required || to == Cardinality.Required)
        {
            context.Add(ChangeKinds.FieldRequiredChanged, path, to == Cardinality.Required
                ? $"{what} became required: old data may not have it."
                : $"{what} is no longer required: readers of the old schema insist on it.");
        }
        else
        {
            context.Add(ChangeKinds.FieldPresenceChanged, path,
                $"{what} changed from {Describe(from)} to {Describe(to)} (the encoding is the same).");
        }
    }

    private static string Describe(Cardinality cardinality) => cardinality == Cardinality.Implicit ? "implicit presence" : "explicit presence (optional)";
}
