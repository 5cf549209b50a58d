using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Refuses schemas that apply themselves to the same value without end, such as <c>{"allOf": [{"$ref": "#"}]}</c>:
/// JsonSchema.Net 8.0.5 detects only chains of bare <c>$ref</c>s and otherwise recurses until the stack overflows,
/// which would take the whole process down. A cycle through keywords that stay on the same value (<c>$ref</c>,
/// <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, schema dependencies, and
/// every anchor a dynamic reference may reach) never terminates; recursion through <c>properties</c>, <c>items</c> and
/// the like is fine, since each step moves into a smaller part of the value.
/// </summary>
internal static class RecursionCheck
{
    private static readonly string[] SameValueKeywords = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies"];

    /// <summary>The first same-value cycle, as a message with its location; null when there is none.</summary>
    public static string? FindCycle(SchemaSet set)
    {
        var dynamicAnchors = new Dictionary<string, List<SchemaAddress>>(StringComparer.Ordinal);
        var recursiveAnchors = new List<SchemaAddress>();
        var sites = new List<SchemaAddress>();
        foreach (var document in set.Documents)
        {
            SchemaWalker.Walk(document.Root, document.Draft, document.RetrievalUri, site =>
            {
                var address = new SchemaAddress(document, site.Pointer);
                sites.Add(address);
                if (site.Element.ValueKind != JsonValueKind.Object) return true;
                if (site.Element.TryGetProperty("$dynamicAnchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
                {
                    if (!dynamicAnchors.TryGetValue(anchor.GetString()!, out var list)) dynamicAnchors[anchor.GetString()!] = list = [];
                    list.Add(address);
                }
                if (site.Element.TryGetProperty("$recursiveAnchor", out var recursive) && recursive.ValueKind == JsonValueKind.True)
                    recursiveAnchors.Add(address);
                return true;
            });
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: done
        foreach (var site in sites)
        {
            var cycle = Visit(set, site, state, dynamicAnchors, recursiveAnchors);
            if (cycle is not null) return cycle;
        }
        return null;
    }

    /// <summary>Depth-first search with an explicit stack: reference chains can be far longer than the call stack allows.</summary>
    private static string? Visit(SchemaSet set, SchemaAddress start, Dictionary<string, bool> state,
        Dictionary<string, List<SchemaAddress>> dynamicAnchors, List<SchemaAddress> recursiveAnchors)
    {
        if (state.ContainsKey(start.Key)) return null;
        var stack = new List<(SchemaAddress Address, string Via, IEnumerator<(string Via, SchemaAddress Next)> Edges)>();
        state[start.Key] = false;
        stack.Add((start, "", Successors(set, start, dynamicAnchors, recursiveAnchors).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (address, _, edges) = stack[^1];
            if (!edges.MoveNext())
            {
                state[address.Key] = true;
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            var (via, next) = edges.Current;
            if (state.TryGetValue(next.Key, out var done))
            {
                if (done) continue;
                // The loop: the edges from the frame above the one for `next` up to this one.
                var from = stack.FindIndex(f => f.Address.Key == next.Key);
                var loop = stack.Skip(from + 1).Select(f => f.Via).Append(via).ToList();
                return $"{loop[0]}: the schema applies itself to the same value without end (through {string.Join(" -> ", loop)}); evaluation would never finish.";
            }
            state[next.Key] = false;
            stack.Add((next, via, Successors(set, next, dynamicAnchors, recursiveAnchors).GetEnumerator()));
        }
        return null;
    }

    private static IEnumerable<(string Via, SchemaAddress Next)> Successors(SchemaSet set, SchemaAddress address,
        Dictionary<string, List<SchemaAddress>> dynamicAnchors, List<SchemaAddress> recursiveAnchors)
    {
        var element = SchemaSet.ElementAt(address);
        if (element.ValueKind != JsonValueKind.Object) yield break;
        var (draft, baseUri) = set.SiteOf(address);
        var label = address.Document.IsRoot ? "" : $"{address.Document.Label}#";
        foreach (var keyword in (string[])["$ref", "$dynamicRef", "$recursiveRef"])
        {
            if (!KeywordGrammar.IsKnown(keyword, draft) || !element.TryGetProperty(keyword, out var reference) || reference.ValueKind != JsonValueKind.String) continue;
            var via = label + JsonPointers.Append(address.Pointer, keyword);
            var text = reference.GetString()!;
            if (set.TryResolve(baseUri, text, out var target)) yield return (via, target);
            // The target of a dynamic reference depends on the evaluation path: every anchor it may land on counts.
            if (keyword == "$dynamicRef" && text.StartsWith('#') && dynamicAnchors.TryGetValue(text[1..], out var anchors))
            {
                foreach (var anchor in anchors) yield return (via, anchor);
            }
            if (keyword == "$recursiveRef")
            {
                foreach (var anchor in recursiveAnchors) yield return (via, anchor);
            }
        }
        if (draft.RefOverridesSiblings() && element.TryGetProperty("$ref", out _)) yield break;
        foreach (var keyword in SameValueKeywords)
        {
            if (!KeywordGrammar.IsKnown(keyword, draft) || !element.TryGetProperty(keyword, out var value)) continue;
            var at = JsonPointers.Append(address.Pointer, keyword);
            switch (value.ValueKind)
            {
                case JsonValueKind.Array when keyword is "allOf" or "anyOf" or "oneOf":
                    for (var i = 0; i < value.GetArrayLength(); i++)
                        yield return (label + JsonPointers.Append(at, i), new SchemaAddress(address.Document, JsonPointers.Append(at, i)));
                    break;
                case JsonValueKind.Object when keyword is "dependentSchemas" or "dependencies":
                    foreach (var member in value.EnumerateObject())
                    {
                        if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                            yield return (label + JsonPointers.Append(at, member.Name), new SchemaAddress(address.Document, JsonPointers.Append(at, member.Name)));
                    }
                    break;
                case JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False when keyword is "not" or "if" or "then" or "else":
                    yield return (label + at, new SchemaAddress(address.Document, at));
                    break;
            }
        }
    }
}
