using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>Reserved numbers and names of a message or enum, compared as sets of ranges and names.</summary>
internal static class ReservedRules
{
    public static void Compare(List<ReservedItem> old, List<ReservedItem> updated, string path, string owner, DiffContext context)
    {
        var added = updated.Except(old).Select(Describe).ToList();
        var removed = old.Except(updated).Select(Describe).ToList();
        if (added.Count > 0)
            context.Add(ChangeKinds.ReservedAdded, path + "/reserved", $"{owner} now reserves {string.Join(", ", added)}.");
        if (removed.Count > 0)
        {
            context.Add(ChangeKinds.ReservedRemoved, path + "/reserved",
                $"{owner} no longer reserves {string.Join(", ", removed)}: a later version could reuse them.");
        }
    }

    private static string Describe(ReservedItem item) =>
        item.Name is not null ? $"\"{item.Name}\"" : item.Start == item.End ? $"{item.Start}" : $"{item.Start} to {item.End}";
}
