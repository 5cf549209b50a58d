using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// Property dependencies: <c>dependentRequired</c> and <c>dependentSchemas</c> (2019-09 on) and draft 7's
/// <c>dependencies</c> in both forms, normalized to the same two maps so a schema rewritten from one draft's spelling
/// to the other's compares equal.
/// </summary>
internal static class DependencyRules
{
    private static readonly string[] Keywords = ["dependentRequired", "dependencies", "dependentSchemas"];

    public static void Compare(DiffContext context, Pair pair)
    {
        if (!HasAny(pair.Old, Keywords) && !HasAny(pair.New, Keywords)) return;
        var (requiredBefore, schemasBefore) = Read(pair.Old);
        var (requiredAfter, schemasAfter) = Read(pair.New);
        var alwaysRequired = pair.Old.All("required").SelectMany(k => k.Strings()).ToHashSet(StringComparer.Ordinal);

        foreach (var (name, (names, path)) in requiredAfter)
        {
            if (!requiredBefore.TryGetValue(name, out var before))
            {
                if (names.IsSubsetOf(alwaysRequired))
                    context.Add(ChangeKinds.RedundantConstraintAdded, path, $"The dependency of \"{name}\" on [{string.Join(", ", names)}] was added, but those are always required.");
                else if (names.Count > 0)
                    context.Add(ChangeKinds.DependencyArrayAdded, path, $"A dependency was added: when \"{name}\" is present, [{string.Join(", ", names)}] are required.");
                continue;
            }
            if (names.SetEquals(before.Names)) continue;
            var gained = names.Except(before.Names).Where(n => !alwaysRequired.Contains(n)).ToList();
            if (gained.Count == 0)
                context.Add(ChangeKinds.DependencyArrayNarrowed, path, $"When \"{name}\" is present, fewer names are required.");
            else if (before.Names.IsSubsetOf(names))
                context.Add(ChangeKinds.DependencyArrayExtended, path, $"When \"{name}\" is present, [{string.Join(", ", gained)}] are now also required.");
            else
                context.Add(ChangeKinds.DependencyArrayChanged, path, $"When \"{name}\" is present, other names are required (now also [{string.Join(", ", gained)}]).");
        }
        foreach (var (name, (_, path)) in requiredBefore.Where(e => !requiredAfter.ContainsKey(e.Key)))
            context.Add(ChangeKinds.DependencyArrayRemoved, path, $"The dependency of \"{name}\" was removed.");

        foreach (var (name, after) in schemasAfter)
        {
            if (schemasBefore.TryGetValue(name, out var before))
            {
                SchemaComparer.Compare(context, Conjunction(context, before), Conjunction(context, after));
                continue;
            }
            var schema = Conjunction(context, after);
            if (!schema.AcceptsEverything)
                context.Add(ChangeKinds.DependencySchemaAdded, after[0].ReportPath, $"A schema dependency was added: objects with \"{name}\" must also match it.");
        }
        foreach (var (name, before) in schemasBefore.Where(e => !schemasAfter.ContainsKey(e.Key)))
            context.Add(ChangeKinds.DependencySchemaRemoved, before[0].ReportPath, $"The schema dependency of \"{name}\" was removed.");
    }

    private static (Dictionary<string, (HashSet<string> Names, string Path)> Required, Dictionary<string, List<SchemaNode>> Schemas) Read(EffectiveSchema schema)
    {
        var required = new Dictionary<string, (HashSet<string>, string)>(StringComparer.Ordinal);
        var schemas = new Dictionary<string, List<SchemaNode>>(StringComparer.Ordinal);
        foreach (var keyword in schema.All("dependentRequired").Concat(schema.All("dependencies")).Concat(schema.All("dependentSchemas")))
        {
            if (keyword.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var member in keyword.Value.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Array && keyword.Keyword != "dependentSchemas")
                {
                    var names = member.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
                    if (required.TryGetValue(member.Name, out var existing)) existing.Item1.UnionWith(names);
                    else required[member.Name] = (names.ToHashSet(StringComparer.Ordinal), JsonPointers.Append(keyword.Path, member.Name));
                }
                else if (keyword.Keyword != "dependentRequired")
                {
                    if (!schemas.TryGetValue(member.Name, out var list)) schemas[member.Name] = list = [];
                    list.Add(keyword.Schema(member.Name));
                }
            }
        }
        return (required, schemas);
    }

    internal static bool HasAny(EffectiveSchema schema, string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (schema.Has(keyword)) return true;
        }
        return false;
    }

    private static EffectiveSchema Conjunction(DiffContext context, List<SchemaNode> nodes) =>
        nodes.Count == 1 ? context.Effective(nodes[0]) : EffectiveSchema.Conjunction(nodes, inPlace: false);
}
