namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// Options of any declaration, compared by name as written. Options steer code generators and tools, not the bytes
/// of a message, so every option change is an annotation (a patch).
/// </summary>
internal static class OptionRules
{
    public static void Compare(IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> updated, string path, string owner, DiffContext context)
    {
        foreach (var (name, value) in updated)
        {
            var optionPath = path + "/options/" + Model.Pointer.Escape(name);
            if (!old.TryGetValue(name, out var previous))
                context.Add(ChangeKinds.OptionAdded, optionPath, $"The option {name} = {value} was added to {owner}.");
            else if (previous != value)
                context.Add(ChangeKinds.OptionChanged, optionPath, $"The option {name} of {owner} changed from {previous} to {value}.");
        }
        foreach (var (name, value) in old)
        {
            if (!updated.ContainsKey(name))
                context.Add(ChangeKinds.OptionRemoved, path + "/options/" + Model.Pointer.Escape(name), $"The option {name} = {value} was removed from {owner}.");
        }
    }
}
