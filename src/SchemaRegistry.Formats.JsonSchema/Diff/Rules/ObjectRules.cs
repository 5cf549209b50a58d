using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// Object members: properties, patternProperties, additionalProperties/unevaluatedProperties, required and
/// propertyNames. A member name is governed by its property schema and every matching pattern, or else by the
/// catch-all; an added or removed property is judged by what the other side's governing schema says about that name
/// (open, closed, or partially open), as Confluent's content-model kinds do.
/// </summary>
internal static class ObjectRules
{
    // Without any of these on either side both shapes are empty (no member is declared, required or caught).
    private static readonly string[] Keywords = ["properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "required"];

    public static void Compare(DiffContext context, Pair pair)
    {
        if (!DependencyRules.HasAny(pair.Old, Keywords) && !DependencyRules.HasAny(pair.New, Keywords))
        {
            ComparePropertyNames(context, pair);
            return;
        }
        var older = new ObjectShape(context, pair.Old, isWriter: true, counterpart: pair.New);
        var newer = new ObjectShape(context, pair.New, isWriter: false, counterpart: pair.Old);
        if (!older.IsEmpty || !newer.IsEmpty)
        {
            // Made on the first required property reported while comparing properties (most diffs report none).
            HashSet<string>? reportedRequired = null;
            foreach (var name in newer.Names) CompareProperty(context, older, newer, name, ref reportedRequired);
            foreach (var name in older.Names)
            {
                if (!newer.Properties.ContainsKey(name)) CompareProperty(context, older, newer, name, ref reportedRequired);
            }
            CompareOthers(context, older.OthersOnBothSides, newer.Others);
            if (older.Patterns.Count > 0 || newer.Patterns.Count > 0) ComparePatterns(context, older, newer);
            CompareRequired(context, older, newer, reportedRequired);
        }
        ComparePropertyNames(context, pair);
    }

    private static void CompareProperty(DiffContext context, ObjectShape older, ObjectShape newer, string name, ref HashSet<string>? reportedRequired)
    {
        var inOld = older.Properties.TryGetValue(name, out var oldDeclared);
        var inNew = newer.Properties.TryGetValue(name, out var newDeclared);
        if (inOld && inNew)
        {
            // The most common case of all, an unchanged property, is settled on the two nodes alone: their effective
            // schemas are never built (nor kept on the schemas, which the cache holds for every earlier version).
            if (oldDeclared!.Count == 1 && newDeclared!.Count == 1 && older.Patterns.Count == 0 && newer.Patterns.Count == 0
                && SchemaComparer.IdenticalLeafNodes(oldDeclared[0], newDeclared[0]))
            {
                return;
            }
            // Otherwise it needs only the two governing schemas, not their slots.
            SchemaComparer.CompareMember(context, older.GoverningDeclared(name, oldDeclared!), newer.GoverningDeclared(name, newDeclared!));
            return;
        }
        var before = older.Governing(name);
        if (inOld)
        {
            Removed(context, name, before, newer.Governing(name));
            return;
        }
        // Added to a closed object (the evolution of most schemas): only where the new property is matters, so its
        // effective schema is not built.
        if (before.Kind == SlotKind.Closed)
        {
            var path = newer.GoverningPath(name);
            if (newer.Required.ContainsKey(name) && !older.Required.ContainsKey(name))
            {
                (reportedRequired ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                context.Add(ChangeKinds.RequiredPropertyAddedToUnopenContentModel, path,
                    $"Required property \"{name}\" was added, but the old schema did not allow that name: no old value has it.");
            }
            else
            {
                context.Add(ChangeKinds.OptionalPropertyAddedToUnopenContentModel, path,
                    $"Optional property \"{name}\" was added; the old schema did not allow that name, so no old value has it.");
            }
            return;
        }
        var after = newer.Governing(name);
        // Added: what did the old schema allow under this name?
        if (before.Kind == SlotKind.Open && !before.Declared)
        {
            if (after.Kind == SlotKind.Open)
                context.Add(ChangeKinds.PropertyWithEmptySchemaAddedToOpenContentModel, after.Path, $"Property \"{name}\" was added with a schema that accepts anything.");
            else
                context.Add(ChangeKinds.PropertyAddedToOpenContentModel, after.Path,
                    $"Property \"{name}\" was added with a constraining schema, but the old schema accepted any value under that name.");
            return;
        }
        var explanation = context.Fork();
        if (Slot.Covers(context, before, after, explanation))
        {
            context.Add(ChangeKinds.PropertyAddedIsCoveredByPartiallyOpenContentModel, after.Path,
                $"Property \"{name}\" was added and accepts what the old schema allowed under that name ({before.Keyword} at {before.Path}).");
        }
        else
        {
            context.Absorb(explanation);
            context.Add(ChangeKinds.PropertyAddedNotCoveredByPartiallyOpenContentModel, after.Path,
                $"Property \"{name}\" was added and refuses some values the old schema allowed under that name ({before.Keyword} at {before.Path}).");
        }
    }

    private static void Removed(DiffContext context, string name, Slot before, Slot after)
    {
        switch (after.Kind)
        {
            case SlotKind.Open when !after.Declared:
                context.Add(ChangeKinds.PropertyRemovedFromOpenContentModel, before.Path, $"Property \"{name}\" was removed; any value is accepted under that name now.");
                return;
            case SlotKind.Closed:
                if (before.Kind == SlotKind.Closed)
                    context.Add(ChangeKinds.PropertyWithFalseRemovedFromClosedContentModel, before.Path, $"Property \"{name}\" (which was forbidden) was removed.");
                else
                    context.Add(ChangeKinds.PropertyRemovedFromClosedContentModel, before.Path,
                        $"Property \"{name}\" was removed and the new schema forbids that name ({after.Keyword} at {after.Path}).");
                return;
        }
        var explanation = context.Fork();
        if (Slot.Covers(context, before, after, explanation))
        {
            context.Add(ChangeKinds.PropertyRemovedIsCoveredByPartiallyOpenContentModel, before.Path,
                $"Property \"{name}\" was removed; its old values are accepted by {after.Keyword} at {after.Path}.");
        }
        else
        {
            context.Absorb(explanation);
            context.Add(ChangeKinds.PropertyRemovedNotCoveredByPartiallyOpenContentModel, before.Path,
                $"Property \"{name}\" was removed and {after.Keyword} at {after.Path} refuses some of its old values.");
        }
    }

    /// <summary>Names that are neither declared nor matched by a pattern on either side.</summary>
    private static void CompareOthers(DiffContext context, Slot before, Slot after)
    {
        if (before.Kind == SlotKind.Schema && after.Kind == SlotKind.Schema)
        {
            SchemaComparer.CompareMember(context, before.Schema!, after.Schema!);
            return;
        }
        var prefix = (after.Keyword ?? before.Keyword) == "unevaluatedProperties" ? "UNEVALUATED_PROPERTIES" : "ADDITIONAL_PROPERTIES";
        var keyword = after.Keyword ?? before.Keyword ?? "additionalProperties";
        switch (before.Kind, after.Kind)
        {
            case (SlotKind.Open, SlotKind.Closed) or (SlotKind.Schema, SlotKind.Closed):
                context.Add(prefix + "_REMOVED", after.Path, $"{keyword} now forbids properties the old schema allowed.");
                break;
            case (SlotKind.Open, SlotKind.Schema):
                context.Add(prefix + "_NARROWED", after.Path, $"{keyword} now constrains properties the old schema accepted with any value.");
                break;
            case (SlotKind.Closed, SlotKind.Open) or (SlotKind.Closed, SlotKind.Schema):
                context.Add(prefix + "_ADDED", after.Keyword is null ? before.Path : after.Path, $"{keyword} now allows properties the old schema forbade.");
                break;
            case (SlotKind.Schema, SlotKind.Open):
                context.Add(prefix + "_EXTENDED", before.Path, $"{keyword} no longer constrains other properties.");
                break;
        }
    }

    private static void ComparePatterns(DiffContext context, ObjectShape older, ObjectShape newer)
    {
        foreach (var pattern in newer.Patterns)
        {
            var same = older.Patterns.Find(p => p.Pattern == pattern.Pattern);
            if (same is not null)
            {
                SchemaComparer.CompareMember(context, older.SlotOf(same).Schema!, newer.SlotOf(pattern).Schema!);
                continue;
            }
            // Names matching the new pattern were governed, in the old schema, by overlapping patterns or the catch-all.
            var explanation = context.Fork();
            var after = newer.SlotOf(pattern);
            var covered = Slot.Covers(context, older.Others, after, explanation);
            foreach (var other in older.Patterns.Where(p => !PatternOverlap.AreDisjoint(p.Pattern, pattern.Pattern)))
                covered &= Slot.Covers(context, older.SlotOf(other), after, explanation);
            Report(context, explanation, covered, pattern.Path,
                ChangeKinds.PatternPropertiesAddedCovered, ChangeKinds.PatternPropertiesAddedNotCovered,
                $"patternProperties \"{pattern.Pattern}\" was added and accepts what the old schema allowed under matching names.",
                $"patternProperties \"{pattern.Pattern}\" was added and refuses some values the old schema allowed under matching names.");
        }
        foreach (var pattern in older.Patterns.Where(p => !newer.Patterns.Exists(n => n.Pattern == p.Pattern)))
        {
            var explanation = context.Fork();
            var before = older.SlotOf(pattern);
            var covered = Slot.Covers(context, before, newer.Others, explanation);
            foreach (var other in newer.Patterns.Where(p => !PatternOverlap.AreDisjoint(p.Pattern, pattern.Pattern)))
                covered &= Slot.Covers(context, before, newer.SlotOf(other), explanation);
            Report(context, explanation, covered, pattern.Path,
                ChangeKinds.PatternPropertiesRemovedCovered, ChangeKinds.PatternPropertiesRemovedNotCovered,
                $"patternProperties \"{pattern.Pattern}\" was removed; the new schema accepts what it allowed.",
                $"patternProperties \"{pattern.Pattern}\" was removed and the new schema refuses some of what it allowed.");
        }
    }

    private static void Report(DiffContext context, DiffContext explanation, bool covered, string path, string coveredKind, string notCoveredKind, string coveredMessage, string notCoveredMessage)
    {
        if (covered)
        {
            context.Add(coveredKind, path, coveredMessage);
            return;
        }
        context.Absorb(explanation);
        context.Add(notCoveredKind, path, notCoveredMessage);
    }

    private static void CompareRequired(DiffContext context, ObjectShape older, ObjectShape newer, HashSet<string>? reportedRequired)
    {
        foreach (var (name, path) in newer.Required)
        {
            if (older.Required.ContainsKey(name) || reportedRequired?.Contains(name) == true) continue;
            if (older.Governing(name).Kind == SlotKind.Closed)
                context.Add(ChangeKinds.RequiredPropertyAddedToUnopenContentModel, path, $"\"{name}\" became required, but the old schema did not allow that name: no old value has it.");
            else
                context.Add(ChangeKinds.RequiredAttributeAdded, path, $"\"{name}\" became required: old values without it are refused.");
        }
        foreach (var (name, path) in older.Required)
        {
            if (!newer.Required.ContainsKey(name)) context.Add(ChangeKinds.RequiredAttributeRemoved, path, $"\"{name}\" is no longer required.");
        }
    }

    private static void ComparePropertyNames(DiffContext context, Pair pair)
    {
        var before = pair.Old.All("propertyNames");
        var after = pair.New.All("propertyNames");
        if (before.Count == 0 && after.Count == 0) return;
        if (after.Count == 0)
        {
            context.Add(ChangeKinds.PropertyNamesRemoved, before[0].Path, "propertyNames was removed.");
            return;
        }
        var newSchema = Conjunction(context, after);
        if (before.Count == 0)
        {
            if (!newSchema.AcceptsEverything) context.Add(ChangeKinds.PropertyNamesAdded, after[0].Path, "propertyNames was added: some old property names may be refused.");
            return;
        }
        SchemaComparer.CompareMember(context, Conjunction(context, before), newSchema);
    }

    private static EffectiveSchema Conjunction(DiffContext context, KeywordValues keywords) =>
        keywords.Count == 1 ? context.Effective(keywords[0].Schema()) : EffectiveSchema.Conjunction([.. keywords.Select(k => k.Schema())], inPlace: false);
}
