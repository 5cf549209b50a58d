namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// Array items position by position (tuples and lists alike, in any draft's spelling), the schema for the remaining
/// positions, and <c>uniqueItems</c>. An added or removed positional schema is judged by what the other side allows at
/// that position (open, closed, or partially open), as Confluent's item content-model kinds do.
/// </summary>
internal static class ArrayRules
{
    // Without any of these on either side, both have no positions and open remaining items: nothing to compare.
    private static readonly string[] Keywords = ["items", "prefixItems", "additionalItems", "unevaluatedItems", "uniqueItems"];

    public static void Compare(DiffContext context, Pair pair)
    {
        if (!DependencyRules.HasAny(pair.Old, Keywords) && !DependencyRules.HasAny(pair.New, Keywords)) return;
        var older = new ArrayShape(context, pair.Old, isWriter: true, counterpart: pair.New);
        var newer = new ArrayShape(context, pair.New, isWriter: false, counterpart: pair.Old);
        var positions = Math.Max(older.Prefix.Count, newer.Prefix.Count);
        for (var i = 0; i < positions; i++)
        {
            if (i < older.Prefix.Count && i < newer.Prefix.Count) SchemaComparer.CompareMember(context, older.Prefix[i].Schema!, newer.Prefix[i].Schema!);
            else if (i < newer.Prefix.Count) Added(context, i, older.Rest, newer.Prefix[i]);
            else Removed(context, i, older.Prefix[i], newer.Rest);
        }
        CompareRest(context, older.RestOnBothSides, newer.Rest);
        CompareUniqueItems(context, pair);
    }

    private static void Added(DiffContext context, int index, Slot before, Slot after)
    {
        switch (before.Kind)
        {
            case SlotKind.Open:
                if (after.Kind == SlotKind.Open)
                    context.Add(ChangeKinds.ItemWithEmptySchemaAddedToOpenContentModel, after.Path, $"A schema accepting anything was added for position {index}.");
                else
                    context.Add(ChangeKinds.ItemAddedToOpenContentModel, after.Path, $"A constraining schema was added for position {index}, where old arrays could hold any value.");
                return;
            case SlotKind.Closed:
                context.Add(ChangeKinds.ItemAddedToClosedContentModel, after.Path, $"A schema was added for position {index}, which old arrays could not reach.");
                return;
        }
        var explanation = context.Fork();
        if (Slot.Covers(context, before, after, explanation))
        {
            context.Add(ChangeKinds.ItemAddedIsCoveredByPartiallyOpenContentModel, after.Path, $"The schema added for position {index} accepts what {before.Keyword} at {before.Path} allowed there.");
            return;
        }
        context.Absorb(explanation);
        context.Add(ChangeKinds.ItemAddedNotCoveredByPartiallyOpenContentModel, after.Path, $"The schema added for position {index} refuses some values {before.Keyword} at {before.Path} allowed there.");
    }

    private static void Removed(DiffContext context, int index, Slot before, Slot after)
    {
        switch (after.Kind)
        {
            case SlotKind.Open:
                context.Add(ChangeKinds.ItemRemovedFromOpenContentModel, before.Path, $"The schema for position {index} was removed; any value is accepted there now.");
                return;
            case SlotKind.Closed:
                if (before.Kind == SlotKind.Closed)
                    context.Add(ChangeKinds.ItemWithFalseRemovedFromClosedContentModel, before.Path, $"The schema for position {index} (which was false) was removed.");
                else
                    context.Add(ChangeKinds.ItemRemovedFromClosedContentModel, before.Path, $"The schema for position {index} was removed and arrays that long are now refused.");
                return;
        }
        var explanation = context.Fork();
        if (Slot.Covers(context, before, after, explanation))
        {
            context.Add(ChangeKinds.ItemRemovedIsCoveredByPartiallyOpenContentModel, before.Path, $"The schema for position {index} was removed; {after.Keyword} at {after.Path} accepts its old values.");
            return;
        }
        context.Absorb(explanation);
        context.Add(ChangeKinds.ItemRemovedNotCoveredByPartiallyOpenContentModel, before.Path, $"The schema for position {index} was removed and {after.Keyword} at {after.Path} refuses some of its old values.");
    }

    private static void CompareRest(DiffContext context, Slot before, Slot after)
    {
        if (before.Kind == SlotKind.Schema && after.Kind == SlotKind.Schema)
        {
            SchemaComparer.CompareMember(context, before.Schema!, after.Schema!);
            return;
        }
        var keyword = after.Keyword ?? before.Keyword;
        var prefix = keyword == "unevaluatedItems" ? "UNEVALUATED_ITEMS" : "ADDITIONAL_ITEMS";
        switch (before.Kind, after.Kind)
        {
            case (SlotKind.Open, SlotKind.Closed) or (SlotKind.Schema, SlotKind.Closed):
                context.Add(prefix + "_REMOVED", after.Path, $"{keyword} now forbids items the old schema allowed.");
                break;
            case (SlotKind.Open, SlotKind.Schema):
                context.Add(keyword == "items" ? ChangeKinds.SchemaAdded : prefix + "_NARROWED", after.Path, $"{keyword} now constrains items the old schema accepted with any value.");
                break;
            case (SlotKind.Closed, SlotKind.Open) or (SlotKind.Closed, SlotKind.Schema):
                context.Add(prefix + "_ADDED", after.Keyword is null ? before.Path : after.Path, $"{keyword} now allows items the old schema forbade.");
                break;
            case (SlotKind.Schema, SlotKind.Open):
                context.Add(before.Keyword == "items" ? ChangeKinds.SchemaRemoved : prefix + "_EXTENDED", before.Path, $"{before.Keyword} no longer constrains items.");
                break;
        }
    }

    private static void CompareUniqueItems(DiffContext context, Pair pair)
    {
        var before = pair.Old.All("uniqueItems").FirstOrDefault(k => k.Value.ValueKind == System.Text.Json.JsonValueKind.True);
        var after = pair.New.All("uniqueItems").FirstOrDefault(k => k.Value.ValueKind == System.Text.Json.JsonValueKind.True);
        if (before is null && after is not null) context.Add(ChangeKinds.UniqueItemsAdded, after.Path, "uniqueItems was added: arrays with repeated items are refused.");
        else if (before is not null && after is null) context.Add(ChangeKinds.UniqueItemsRemoved, before.Path, "uniqueItems was removed.");
    }
}
