using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// Enum values, matched by number (what the wire carries). A name that moved to another number is a renumbering and
/// breaks old data; a number under a new name is a rename. Removing a value is safe for open (proto3) enums, whose
/// readers keep unknown numbers, and not for closed (proto2) ones, whose readers drop them.
/// </summary>
internal static class EnumRules
{
    public static void Compare(EnumModel old, EnumModel updated, DiffContext context)
    {
        var owner = "enum " + updated.FullName;
        OptionRules.Compare(old.Options, updated.Options, updated.Path, owner, context);
        ReservedRules.Compare(old.Reserved, updated.Reserved, updated.Path, owner, context);

        var renumbered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in updated.Values)
        {
            var before = old.Values.Find(v => v.Name == value.Name);
            if (before is null || old.Values.Exists(v => v.Name == value.Name && v.Number == value.Number)) continue;
            if (!renumbered.Add(value.Name)) continue;
            context.Add(ChangeKinds.EnumValueNumberChanged, ValuePath(updated, before.Number),
                $"The value {value.Name} of {owner} changed number from {before.Number} to {value.Number}: old data with {before.Number} now reads as another value.");
        }

        foreach (var number in updated.Values.Select(v => v.Number).Distinct())
        {
            var oldNames = old.Values.Where(v => v.Number == number).Select(v => v.Name).ToList();
            var newNames = updated.Values.Where(v => v.Number == number).Select(v => v.Name).ToList();
            var path = ValuePath(updated, number);
            if (oldNames.Count == 0)
            {
                if (newNames.Exists(renumbered.Contains)) continue;
                if (old.IsNumberReserved(number) || newNames.Exists(old.IsNameReserved))
                    context.Add(ChangeKinds.ReservedEnumValueReused, path, $"{owner} uses number {number} ({string.Join(", ", newNames)}), which the old enum reserved.");
                else
                    context.Add(ChangeKinds.EnumValueAdded, path, $"The value {string.Join(", ", newNames)} = {number} was added to {owner}.");
            }
            else if (oldNames.Intersect(newNames, StringComparer.Ordinal).FirstOrDefault() is { } kept)
            {
                var before = old.Values.First(v => v.Number == number && v.Name == kept);
                var after = updated.Values.First(v => v.Number == number && v.Name == kept);
                OptionRules.Compare(before.Options, after.Options, path, $"value {kept} of {owner}", context);
            }
            else if (!oldNames.Exists(renumbered.Contains) && !newNames.Exists(renumbered.Contains))
            {
                context.Add(ChangeKinds.EnumValueRenamed, path, $"Value {number} of {owner} was renamed from {string.Join(", ", oldNames)} to {string.Join(", ", newNames)}.");
            }
        }

        foreach (var number in old.Values.Select(v => v.Number).Distinct().Where(n => !updated.Values.Exists(v => v.Number == n)))
        {
            var names = old.Values.Where(v => v.Number == number).Select(v => v.Name).ToList();
            if (names.Exists(renumbered.Contains)) continue;
            if (updated.IsClosed)
            {
                context.Add(ChangeKinds.ClosedEnumValueRemoved, ValuePath(old, number),
                    $"The value {string.Join(", ", names)} = {number} was removed from the closed (proto2) {owner}: readers drop old data that holds it.");
            }
            else
            {
                context.Add(ChangeKinds.EnumValueRemoved, ValuePath(old, number),
                    $"The value {string.Join(", ", names)} = {number} was removed from {owner} (readers keep it as an unknown number)" +
                    (updated.IsNumberReserved(number) ? "." : "; reserve the number so it is not reused."));
            }
        }
    }

    private static string ValuePath(EnumModel decl, int number) =>
        decl.Path + "/values/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
