using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// The messages and enums of one scope (the file, or a message's nested types), matched by simple name as Confluent
/// does. Map entry messages are synthetic and compared through their map fields instead.
/// </summary>
internal static class TypeSetRules
{
    public static void Compare(List<MessageModel> oldMessages, List<EnumModel> oldEnums, List<MessageModel> newMessages, List<EnumModel> newEnums, DiffContext context)
    {
        var oldList = oldMessages.Where(m => !m.IsMapEntry).ToList();
        var newList = newMessages.Where(m => !m.IsMapEntry).ToList();
        for (var index = 0; index < newList.Count; index++)
        {
            var updated = newList[index];
            var oldIndex = oldList.FindIndex(m => m.Name == updated.Name);
            if (oldIndex < 0)
            {
                context.Add(ChangeKinds.MessageAdded, updated.Path, $"The message {updated.FullName} was added.");
                continue;
            }
            MessageRules.Compare(oldList[oldIndex], updated, context);
            if (oldIndex != index)
            {
                context.Add(ChangeKinds.MessageMoved, updated.Path,
                    $"The message {updated.FullName} moved from position {oldIndex} to {index} among its siblings (its message index changed).");
            }
        }
        foreach (var old in oldList.Where(o => !newList.Exists(n => n.Name == o.Name)))
            context.Add(ChangeKinds.MessageRemoved, old.Path, $"The message {old.FullName} was removed: data written as {old.Name} cannot be read with the new schema.");

        foreach (var updated in newEnums)
        {
            var old = oldEnums.Find(e => e.Name == updated.Name);
            if (old is null)
                context.Add(ChangeKinds.EnumAdded, updated.Path, $"The enum {updated.FullName} was added.");
            else
                EnumRules.Compare(old, updated, context);
        }
        foreach (var old in oldEnums.Where(o => !newEnums.Exists(n => n.Name == o.Name)))
            context.Add(ChangeKinds.EnumRemoved, old.Path, $"The enum {old.FullName} was removed.");
    }
}
