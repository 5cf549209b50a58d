using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// Oneof membership. Old data may set any number of plain fields but at most one member of a oneof, so: one field
/// moving into a new oneof is safe (the language guide's rule), several are not; joining an existing oneof is not;
/// leaving a oneof for a plain field is; moving between oneofs is not.
/// </summary>
internal static class OneofRules
{
    public static void Compare(MessageModel old, MessageModel updated, DiffContext context)
    {
        foreach (var oneof in updated.Oneofs)
        {
            var path = updated.Path + "/oneofs/" + Pointer.Escape(oneof.Name);
            var previous = old.Oneofs.Find(o => o.Name == oneof.Name);
            var movedIn = new List<FieldModel>();
            foreach (var member in oneof.Fields)
            {
                var before = old.FieldByNumber(member.Number);
                if (before is null) continue;
                if (before.Oneof is null)
                {
                    movedIn.Add(member);
                }
                else if (before.Oneof.Name != oneof.Name)
                {
                    context.Add(ChangeKinds.FieldOneofChanged, member.Path,
                        $"Field {member.Number} '{member.Name}' moved from oneof {before.Oneof.Name} to oneof {oneof.Name}: old data may set it together with a member of {oneof.Name}.");
                }
            }
            if (previous is null)
            {
                context.Add(ChangeKinds.OneofAdded, path, $"The oneof {oneof.Name} was added to {updated.FullName}.");
                if (movedIn.Count > 1)
                {
                    context.Add(ChangeKinds.MultipleFieldsMovedToOneof, path,
                        $"The fields {string.Join(", ", movedIn.Select(f => $"{f.Number} '{f.Name}'"))} moved into the new oneof {oneof.Name}: old data may set more than one of them.");
                }
            }
            else
            {
                foreach (var member in movedIn)
                {
                    context.Add(ChangeKinds.FieldMovedToExistingOneof, member.Path,
                        $"Field {member.Number} '{member.Name}' moved into the existing oneof {oneof.Name}: old data may set it together with another member.");
                }
                OptionRules.Compare(previous.Options, oneof.Options, path, $"oneof {oneof.Name}", context);
            }
        }
        foreach (var oneof in old.Oneofs.Where(o => !updated.Oneofs.Exists(n => n.Name == o.Name)))
            context.Add(ChangeKinds.OneofRemoved, old.Path + "/oneofs/" + Pointer.Escape(oneof.Name), $"The oneof {oneof.Name} was removed from {updated.FullName}.");

        foreach (var field in updated.Fields.Where(f => f.Oneof is null))
        {
            if (old.FieldByNumber(field.Number)?.Oneof is { } left)
            {
                context.Add(ChangeKinds.FieldMovedOutOfOneof, field.Path,
                    $"Field {field.Number} '{field.Name}' left the oneof {left.Name} and is now a plain field.");
            }
        }
    }
}
