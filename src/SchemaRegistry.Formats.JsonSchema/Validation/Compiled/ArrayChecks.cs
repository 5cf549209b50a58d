using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// Item subschemas: a prefix (<c>prefixItems</c>, or the array form of draft-7 <c>items</c>) and a subschema for the
/// rest (<c>items</c>, or draft-7 <c>additionalItems</c> after an array <c>items</c>).
/// </summary>
internal sealed class ItemsCheck(SchemaNode node, SchemaNode[] prefix, string[] prefixSuffixes, SchemaNode? rest, string restSuffix) : Check(node)
{
    /// <summary>The subschemas of the first items (<c>prefixItems</c>, or draft-7 array <c>items</c>).</summary>
    public IReadOnlyList<SchemaNode> Prefix => prefix;

    /// <summary>The subschema of the items after the prefix, or null (unconstrained).</summary>
    public SchemaNode? Rest => rest;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Array) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.Element.EnumerateArray())
        {
            SchemaNode? schema;
            string suffix;
            if (index < prefix.Length)
            {
                schema = prefix[index];
                suffix = prefixSuffixes[index];
            }
            else if (rest is not null)
            {
                schema = rest;
                suffix = restSuffix;
            }
            else
            {
                break;
            }
            EvaluatedBits.Mark(evaluated, index);
            if (!Descend.Item(schema, item, index, context, suffix))
            {
                valid = false;
                if (!context.Collecting) return false;
            }
            index++;
        }
        return valid;
    }
}

/// <summary>
/// <c>contains</c> with <c>minContains</c>/<c>maxContains</c> (1 and unbounded by default). Items that do not match
/// explain nothing (only the count does), so their failures are not reported.
/// </summary>
internal sealed class ContainsCheck(SchemaNode node, SchemaNode schema, long minimum, long? maximum, bool marksEvaluated) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Array) return true;
        var saved = context.SuspendErrors();
        var matching = 0;
        var index = 0;
        var stopEarly = saved is null && evaluated.IsEmpty && maximum is null;
        foreach (var item in instance.Element.EnumerateArray())
        {
            if (schema.Evaluate(Instance.Of(item), context, default))
            {
                matching++;
                if (marksEvaluated) EvaluatedBits.Mark(evaluated, index);
                if (stopEarly && matching >= minimum) break;
            }
            index++;
        }
        context.ResumeErrors(saved);
        if (matching < minimum)
        {
            if (context.Collecting) context.Report(Node, "contains", Messages.ContainsTooFew(matching, minimum));
            return false;
        }
        if (matching > maximum)
        {
            if (context.Collecting) context.Report(Node, "contains", Messages.ContainsTooMany(matching, maximum.Value));
            return false;
        }
        return true;
    }
}

/// <summary><c>minItems</c>/<c>maxItems</c>.</summary>
internal sealed class ItemCountCheck(SchemaNode node, long? minimum, long? maximum) : Check(node)
{
    /// <summary><c>minItems</c>.</summary>
    public long? Minimum => minimum;

    /// <summary><c>maxItems</c>.</summary>
    public long? Maximum => maximum;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Array) return true;
        var count = instance.Element.GetArrayLength();
        var valid = true;
        if (count < minimum)
        {
            valid = false;
            if (!context.Collecting) return false;
            context.Report(Node, "minItems", Messages.Count(Json.Schema.ErrorMessages.GetMinItems(null), minimum.Value, count));
        }
        if (count > maximum)
        {
            valid = false;
            if (context.Collecting) context.Report(Node, "maxItems", Messages.Count(Json.Schema.ErrorMessages.GetMaxItems(null), maximum.Value, count));
        }
        return valid;
    }
}

/// <summary>
/// <c>uniqueItems</c>: no two items equal. Small arrays compare pairwise; larger ones hash every item into pooled
/// buffers and compare only items whose hashes collide.
/// </summary>
internal sealed class UniqueItemsCheck(SchemaNode node) : Check(node)
{
    private const int PairwiseLimit = 24;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Array) return true;
        var array = instance.Element;
        var count = array.GetArrayLength();
        if (count < 2) return true;
        var unique = count <= PairwiseLimit ? PairwiseUnique(array, count) : HashedUnique(array, count);
        if (unique) return true;
        if (context.Collecting) context.Report(Node, "uniqueItems", Messages.UniqueItems(DuplicatePairs(array)));
        return false;
    }

    private static bool PairwiseUnique(JsonElement array, int count)
    {
        for (var i = 1; i < count; i++)
        {
            var item = array[i];
            for (var j = 0; j < i; j++)
            {
                if (JsonEquality.AreEqual(array[j], item)) return false;
            }
        }
        return true;
    }

    private static bool HashedUnique(JsonElement array, int count)
    {
        var hashes = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var order = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        try
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                hashes[index] = JsonEquality.Hash(item);
                order[index] = index;
                index++;
            }
            hashes.AsSpan(0, count).Sort(order.AsSpan(0, count));
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && hashes[end] == hashes[start]) end++;
                for (var i = start + 1; i < end; i++)
                {
                    for (var j = start; j < i; j++)
                    {
                        if (JsonEquality.AreEqual(array[order[i]], array[order[j]])) return false;
                    }
                }
                start = end;
            }
            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(hashes);
            System.Buffers.ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>The library's report: "(first, later)" for each item equal to an earlier one.</summary>
    private static List<string> DuplicatePairs(JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        var pairs = new List<string>();
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!JsonEquality.AreEqual(items[j], items[i])) continue;
                pairs.Add($"({j},{i})");
                break;
            }
        }
        return pairs;
    }
}

/// <summary><c>unevaluatedItems</c>: the items no sibling keyword (nor a valid in-place subschema) evaluated.</summary>
internal sealed class UnevaluatedItemsCheck(SchemaNode node, SchemaNode schema) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Array) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.Element.EnumerateArray())
        {
            if (!EvaluatedBits.IsMarked(evaluated, index) && !Descend.Item(schema, item, index, context, "/unevaluatedItems"))
            {
                valid = false;
                if (!context.Collecting) return false;
            }
            index++;
        }
        return valid;
    }
}
