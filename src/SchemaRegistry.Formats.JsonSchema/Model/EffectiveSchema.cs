using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// A subschema as the diff sees it: references followed, and <c>allOf</c> branches (and, from 2019-09, the target of a
/// <c>$ref</c> with siblings) merged into one set of keywords wherever merging keeps the meaning, so
/// <c>allOf: [{$ref: base}, {required: [x]}]</c> compares with the same schema written inline. A branch that cannot be
/// merged (two different <c>additionalProperties</c>, say) stays a separate conjunct in <see cref="Residual"/>.
/// </summary>
internal sealed class EffectiveSchema
{
    /// <summary>Keywords that may come from several subschemas; the rules combine them (intersection, union, tightest bound).</summary>
    private static readonly HashSet<string> Mergeable =
    [
        "type", "enum", "const", "required", "properties", "patternProperties", "dependentRequired", "dependencies",
        "dependentSchemas", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength",
        "maxItems", "minItems", "maxProperties", "minProperties", "multipleOf", "pattern", "format", "not", "anyOf",
        "oneOf", "propertyNames", "uniqueItems",
    ];

    private static readonly string[] ArrayShape = ["items", "prefixItems", "additionalItems"];

    private static readonly Dictionary<string, JsonElement> NoExtensions = new(StringComparer.Ordinal);

    private Dictionary<string, List<KeywordValue>> _keywords = null!;
    private Dictionary<string, JsonElement>? _extensions;
    private List<SchemaNode>? _residual;
    private readonly List<SchemaNode> _sources;

    // Derived facts, computed on first use: an effective schema never changes once built, and those of the schema's
    // own document are shared by every diff of it (see SchemaNode.SharedEffective). 0 = not computed yet.
    private int _acceptsEverything;
    private int _assertionsBesidesAlternatives;
    private int _inPlaceApplicators;
    private int _types = -1;
    private string? _inPlaceSignature;
    private Diff.Rules.ObjectMembers? _objectMembers;

    private EffectiveSchema(SchemaNode primary, int sources)
    {
        Primary = primary;
        _sources = new List<SchemaNode>(sources);
    }

    /// <summary>The subschema changes are reported at (after following references).</summary>
    public SchemaNode Primary { get; private set; }

    /// <summary>True when a conjunct is the <c>false</c> schema: nothing is accepted.</summary>
    public bool IsFalse { get; private set; }

    /// <summary>A reference that could not be followed, if any: nothing can then be proven about this schema.</summary>
    public string? UnresolvedReference { get; private set; }

    /// <summary>The <c>$ref</c> the primary was reached through, if it was.</summary>
    public KeywordValue? ReachedThrough { get; private set; }

    /// <summary>Conjuncts that could not be merged.</summary>
    public IReadOnlyList<SchemaNode> Residual => (IReadOnlyList<SchemaNode>?)_residual ?? [];

    /// <summary>Every subschema merged in, primary first.</summary>
    public IReadOnlyList<SchemaNode> Sources => _sources;

    /// <summary>Identity for recursion guards and memoization.</summary>
    public string Key { get; private set; } = "";

    /// <summary>Keywords the draft does not define, from the primary (compared as annotations).</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions => _extensions ?? NoExtensions;

    /// <summary>Every occurrence of a keyword.</summary>
    public KeywordValues All(string keyword) => new(_keywords.TryGetValue(keyword, out var list) ? list : null);

    /// <summary>The first occurrence of a keyword.</summary>
    public KeywordValue? First(string keyword) => _keywords.TryGetValue(keyword, out var list) ? list[0] : null;

    /// <summary>True when the keyword occurs.</summary>
    public bool Has(string keyword) => _keywords.ContainsKey(keyword);

    /// <summary>True when nothing here refuses any instance (no assertion, no residual, not false).</summary>
    public bool AcceptsEverything => Cached(ref _acceptsEverything, this, static s =>
    {
        if (s.IsFalse || s.UnresolvedReference is not null || s._residual is { Count: > 0 }) return false;
        foreach (var (keyword, values) in s._keywords)
        {
            if (KeywordGrammar.RoleOf(keyword, values[0].Origin.Draft) == KeywordRole.Assertion) return false;
        }
        return true;
    });

    /// <summary>True when something besides its anyOf/oneOf alternatives refuses values (a sibling type, bound...).</summary>
    public bool HasAssertionsBesidesAlternatives => Cached(ref _assertionsBesidesAlternatives, this, static s =>
    {
        if (s.IsFalse || s._residual is { Count: > 0 }) return true;
        foreach (var (keyword, values) in s._keywords)
        {
            if (keyword is not ("anyOf" or "oneOf") && KeywordGrammar.RoleOf(keyword, values[0].Origin.Draft) == KeywordRole.Assertion) return true;
        }
        return false;
    });

    /// <summary>True when the schema applies subschemas in place besides its own properties and items (used for unevaluated*).</summary>
    public bool HasInPlaceApplicators => Cached(ref _inPlaceApplicators, this, static s =>
    {
        if (s._residual is { Count: > 0 } || s.Has("anyOf") || s.Has("oneOf") || s.Has("if") || s.Has("dependentSchemas")) return true;
        foreach (var dependencies in s.All("dependencies"))
        {
            if (dependencies.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var member in dependencies.Value.EnumerateObject())
            {
                if (member.Value.ValueKind != JsonValueKind.Array) return true;
            }
        }
        return false;
    });

    /// <summary>The types the schema can accept, once computed (see <see cref="Diff.DiffContext.TypesOf"/>).</summary>
    internal JsonTypes? CachedTypes => _types < 0 ? null : (JsonTypes)_types;

    /// <summary>Keeps the inferred types (a pure function of the schema).</summary>
    internal void CacheTypes(JsonTypes types) => Volatile.Write(ref _types, (int)types);

    /// <summary>What the schema says about object members, gathered once (see <see cref="Diff.Rules.ObjectMembers"/>).</summary>
    internal Diff.Rules.ObjectMembers ObjectMembers
    {
        get
        {
            var members = Volatile.Read(ref _objectMembers);
            if (members is not null) return members;
            members = new Diff.Rules.ObjectMembers(this);
            return Interlocked.CompareExchange(ref _objectMembers, members, null) ?? members;
        }
    }

    private static bool Cached(ref int slot, EffectiveSchema schema, Func<EffectiveSchema, bool> compute)
    {
        var known = Volatile.Read(ref slot);
        if (known != 0) return known == 2;
        var value = compute(schema);
        Volatile.Write(ref slot, value ? 2 : 1);
        return value;
    }

    /// <summary>
    /// The text of the in-place applicators (alternatives, conditionals, schema dependencies, contains, unmerged
    /// branches), with the text of every schema they reference appended. Two schemas with the same signature evaluate
    /// the same members on any instance, which is what unevaluated* depends on.
    /// </summary>
    public string InPlaceSignature() => _inPlaceSignature ??= ComputeInPlaceSignature();

    private string ComputeInPlaceSignature()
    {
        var builder = new System.Text.StringBuilder();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in (string[])["anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "dependencies", "contains"])
        {
            foreach (var value in All(keyword))
            {
                builder.Append('|').Append(keyword).Append(':');
                AppendWithReferences(builder, value.Origin.Child(keyword), visited);
            }
        }
        foreach (var branch in Residual)
        {
            builder.Append("|allOf:");
            AppendWithReferences(builder, branch, visited);
        }
        return builder.ToString();
    }

    private static void AppendWithReferences(System.Text.StringBuilder builder, SchemaNode node, HashSet<string> visited)
    {
        Support.InlineStack.EnsureRoom();
        if (!visited.Add(node.Key)) return;
        builder.Append(Canonical.CanonicalJson.Write(node.Element));
        var references = new List<SchemaNode>();
        Parsing.SchemaWalker.Walk(node.Element, node.Draft, node.BaseUri, site =>
        {
            if (site.Element.ValueKind != JsonValueKind.Object) return true;
            foreach (var keyword in (string[])["$ref", "$dynamicRef", "$recursiveRef"])
            {
                if (site.Element.TryGetProperty(keyword, out var reference) && reference.ValueKind == JsonValueKind.String
                    && node.Set.TryResolve(site.BaseUri, reference.GetString()!, out var target))
                {
                    references.Add(SchemaNode.At(node.Set, target));
                }
            }
            return true;
        });
        foreach (var target in references)
        {
            builder.Append("->");
            AppendWithReferences(builder, target, visited);
        }
    }

    /// <summary>The effective form of one subschema.</summary>
    public static EffectiveSchema Of(SchemaNode node) => Conjunction([node], inPlace: true);

    /// <summary>
    /// The effective form of several subschemas that must all hold. <paramref name="inPlace"/> says the later ones are
    /// in-place applicators of the first (its <c>then</c>, say), which matters for <c>unevaluated*</c>; unrelated
    /// subschemas (two definitions of one property) are not.
    /// </summary>
    public static EffectiveSchema Conjunction(IReadOnlyList<SchemaNode> nodes, bool inPlace)
    {
        var first = Follow(nodes[0], out var reachedThrough, out var unresolved);
        var primary = first ?? nodes[0];
        var schema = new EffectiveSchema(primary, nodes.Count) { ReachedThrough = reachedThrough, UnresolvedReference = unresolved };
        schema._keywords = new Dictionary<string, List<KeywordValue>>(
            primary.Element.ValueKind == JsonValueKind.Object ? primary.Element.GetPropertyCount() : 0, StringComparer.Ordinal);
        var queue = new Queue<(SchemaNode Node, bool IsPrimary, bool InPlace)>(nodes.Count + 2);
        if (first is not null) queue.Enqueue((first, true, true));
        for (var i = 1; i < nodes.Count; i++) queue.Enqueue((nodes[i], false, inPlace));
        HashSet<string>? merged = null;
        while (queue.Count > 0)
        {
            var (candidate, isPrimary, candidateInPlace) = queue.Dequeue();
            string? problem = null;
            var node = isPrimary ? candidate : Follow(candidate, out _, out problem);
            if (node is null)
            {
                schema.UnresolvedReference ??= problem;
                continue;
            }
            // The first node merged needs no set: nothing was merged before it.
            if (schema._sources.Count > 0)
            {
                merged ??= new HashSet<string>(StringComparer.Ordinal) { schema._sources[0].Key };
                if (!merged.Add(node.Key)) continue;
            }
            schema._sources.Add(node);
            if (node.IsFalse)
            {
                schema.IsFalse = true;
                continue;
            }
            if (node.Element.ValueKind != JsonValueKind.Object) continue;
            if (!isPrimary && schema.Conflicts(node, candidateInPlace))
            {
                (schema._residual ??= []).Add(node);
                continue;
            }
            schema.Merge(node, isPrimary, queue);
        }
        schema.Key = KeyOf(schema._sources, schema.UnresolvedReference is not null);
        return schema;
    }

    private static string KeyOf(List<SchemaNode> sources, bool unresolved)
    {
        var key = sources.Count switch
        {
            0 => "",
            1 => sources[0].Key,
            _ => string.Join('+', sources.ConvertAll(s => s.Key)),
        };
        return unresolved ? key + "!" : key;
    }

    /// <summary>
    /// Follows references that stand for the whole subschema: any <c>$ref</c> before 2019-09 (its siblings are inert),
    /// and from 2019-09 a reference whose siblings assert nothing. Null when a reference does not resolve.
    /// </summary>
    private static SchemaNode? Follow(SchemaNode node, out KeywordValue? reachedThrough, out string? unresolved)
    {
        reachedThrough = null;
        unresolved = null;
        for (var hops = 0; hops < 64; hops++)
        {
            if (node.Element.ValueKind != JsonValueKind.Object) return node;
            var reference = PureReference(node);
            if (reference is null) return node;
            reachedThrough ??= reference;
            var target = node.Resolve(reference.Keyword, reference.Value.GetString()!);
            if (target is null)
            {
                unresolved = $"{reference.Path}: \"{reference.Value.GetString()}\" cannot be resolved";
                return null;
            }
            node = target;
        }
        unresolved = $"{node.ReportPath}: too many chained references";
        return null;
    }

    private static KeywordValue? PureReference(SchemaNode node)
    {
        KeywordValue? reference = null;
        foreach (var member in node.Members)
        {
            if (!KeywordGrammar.IsKnown(member.Name, node.Draft)) continue;
            switch (KeywordGrammar.RoleOf(member.Name, node.Draft))
            {
                case KeywordRole.Reference when member.Value.ValueKind == JsonValueKind.String:
                    if (reference is not null) return null;
                    reference = new KeywordValue(member.Name, member.Value, node);
                    break;
                case KeywordRole.Assertion when !node.RefHidesSiblings:
                    return null;
            }
        }
        return reference;
    }

    private bool Conflicts(SchemaNode node, bool inPlace)
    {
        if (node.TryGet("unevaluatedProperties", out _) || node.TryGet("unevaluatedItems", out _)) return true;
        if (!inPlace && (Has("unevaluatedProperties") || Has("unevaluatedItems"))) return true;
        if (node.TryGet("additionalProperties", out _) && (Has("properties") || Has("patternProperties") || Has("additionalProperties"))) return true;
        if (Has("additionalProperties") && (node.TryGet("properties", out _) || node.TryGet("patternProperties", out _))) return true;
        if (HasAnyOf(node, ArrayShape) && HasAny(ArrayShape)) return true;
        if (node.TryGet("if", out _) && Has("if")) return true;
        if (node.TryGet("contains", out _) && Has("contains")) return true;
        foreach (var member in node.Members)
        {
            if (!KeywordGrammar.IsKnown(member.Name, node.Draft) || KeywordGrammar.RoleOf(member.Name, node.Draft) != KeywordRole.Assertion) continue;
            if (Mergeable.Contains(member.Name) || member.Name == "allOf") continue;
            if (First(member.Name) is { } existing && !JsonValues.AreEqual(existing.Value, member.Value)) return true;
        }
        return false;
    }

    private static bool HasAnyOf(SchemaNode node, string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (node.TryGet(keyword, out _)) return true;
        }
        return false;
    }

    private bool HasAny(string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (Has(keyword)) return true;
        }
        return false;
    }

    private void Merge(SchemaNode node, bool isPrimary, Queue<(SchemaNode, bool, bool)> queue)
    {
        if (isPrimary) Primary = node;
        foreach (var member in node.Members)
        {
            var name = member.Name;
            if (!KeywordGrammar.TryGet(name, node.Draft, out _, out var role))
            {
                if (isPrimary) (_extensions ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = member.Value;
                continue;
            }
            if (node.RefHidesSiblings && name != "$ref") continue;
            switch (role)
            {
                case KeywordRole.Identifier or KeywordRole.Definitions or KeywordRole.Annotation:
                    if (isPrimary) Add(new KeywordValue(name, member.Value, node));
                    continue;
                case KeywordRole.Reference:
                    Add(new KeywordValue(name, member.Value, node));
                    var target = member.Value.ValueKind == JsonValueKind.String ? node.Resolve(name, member.Value.GetString()!) : null;
                    if (target is null) UnresolvedReference ??= $"{node.ReportPath}/{name}: \"{member.Value}\" cannot be resolved";
                    else queue.Enqueue((target, false, true));
                    continue;
            }
            if (IsInert(node, name)) continue;
            if (name == "allOf")
            {
                if (member.Value.ValueKind != JsonValueKind.Array) continue;
                for (var i = 0; i < member.Value.GetArrayLength(); i++) queue.Enqueue((node.Child("allOf", i), false, true));
                continue;
            }
            var value = new KeywordValue(name, member.Value, node);
            if (!Mergeable.Contains(name) && First(name) is { } existing && JsonValues.AreEqual(existing.Value, member.Value)) continue;
            Add(value);
        }
    }

    /// <summary>Keywords that do nothing without a sibling: then/else without if, min/maxContains without contains...</summary>
    private static bool IsInert(SchemaNode node, string name) => name switch
    {
        "then" or "else" => !node.TryGet("if", out _),
        "minContains" or "maxContains" => !node.TryGet("contains", out _),
        "additionalItems" => !node.TryGet("items", out var items) || items.ValueKind != JsonValueKind.Array,
        _ => false,
    };

    private void Add(KeywordValue value)
    {
        if (!_keywords.TryGetValue(value.Keyword, out var list)) _keywords[value.Keyword] = list = new List<KeywordValue>(1);
        list.Add(value);
    }
}
