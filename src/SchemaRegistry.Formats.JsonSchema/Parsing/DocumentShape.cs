using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// What decides where a document can be parsed, diffed and compiled: whether anything in it is named like a
/// reference keyword, and how deep it nests. Measured in the pass that looks for duplicate member names.
/// </summary>
/// <remarks>
/// Every recursion over a schema (the parser's walks, the meta-schema check, JsonSchema.Net's build and evaluation,
/// the diff) descends either into the JSON tree or through a reference. JSON nesting is bounded by the reader
/// (<see cref="MaxJsonDepth"/>); only references make chains of unbounded length. A document without any member
/// named <c>$ref</c>, <c>$dynamicRef</c> or <c>$recursiveRef</c>, at any depth and whatever the draft (the test is
/// deliberately wider than the keywords a draft honours), therefore recurses at most <see cref="MaxJsonDepth"/>
/// levels, which an ordinary thread's stack holds (<c>OrdinaryStackTests</c> runs the deepest such schemas on a
/// 1 MB thread). Such a document <see cref="FitsOrdinaryStack"/>; anything else goes to the large stack.
/// </remarks>
/// <param name="HasReferenceKeywords">True when some member anywhere is named like a reference keyword.</param>
/// <param name="Depth">The JSON nesting depth (1 for a flat object).</param>
/// <param name="HasNumberBeyondDouble">True when some number does not fit a double (JsonSchema.Net refuses <c>const: 1e400</c>).</param>
internal readonly record struct DocumentShape(bool HasReferenceKeywords, int Depth, bool HasNumberBeyondDouble)
{
    /// <summary>The deepest JSON <see cref="JsonDocument"/> reads with its default options; deeper text is refused as invalid JSON.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>True when no recursion over the document can go deeper than its JSON nesting.</summary>
    public bool FitsOrdinaryStack => !HasReferenceKeywords && Depth <= MaxJsonDepth;

    /// <summary>
    /// Measures <paramref name="root"/>; <paramref name="hasDuplicateMember"/> is true when some object has a member
    /// name twice (<see cref="StaticChecks.FindDuplicateKey"/> then says where).
    /// </summary>
    public static DocumentShape Measure(JsonElement root, out bool hasDuplicateMember)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var references = false;
        var hugeNumber = false;
        var depth = Visit(root, 0, names, ref references, ref hugeNumber, out hasDuplicateMember);
        return new DocumentShape(references, depth, hugeNumber || IsBeyondDouble(root));
    }

    private static int Visit(JsonElement element, int level, HashSet<string> names, ref bool references, ref bool hugeNumber, out bool duplicate)
    {
        duplicate = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var deepest = level + 1;
                names.Clear();
                foreach (var member in element.EnumerateObject())
                {
                    var name = member.Name;
                    if (!names.Add(name))
                    {
                        duplicate = true;
                        return deepest;
                    }
                    references |= name is "$ref" or "$dynamicRef" or "$recursiveRef";
                }
                foreach (var member in element.EnumerateObject())
                {
                    hugeNumber |= IsBeyondDouble(member.Value);
                    if (member.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
                    deepest = Math.Max(deepest, Visit(member.Value, level + 1, names, ref references, ref hugeNumber, out duplicate));
                    if (duplicate) return deepest;
                }
                return deepest;
            }
            case JsonValueKind.Array:
            {
                var deepest = level + 1;
                foreach (var item in element.EnumerateArray())
                {
                    hugeNumber |= IsBeyondDouble(item);
                    if (item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
                    deepest = Math.Max(deepest, Visit(item, level + 1, names, ref references, ref hugeNumber, out duplicate));
                    if (duplicate) return deepest;
                }
                return deepest;
            }
            default:
                return level;
        }
    }

    private static bool IsBeyondDouble(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && !(value.TryGetDouble(out var number) && double.IsFinite(number));
}
