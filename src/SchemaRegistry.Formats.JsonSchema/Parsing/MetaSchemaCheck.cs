using System.Text.Json;
using Json.Schema;
using LibrarySchema = Json.Schema.JsonSchema;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Validation;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Validates a schema against its draft's meta-schema and reports the failures by location, e.g.
/// <c>/properties/age/minimum: Value is "string" but should be "number"</c>. A schema that
/// <see cref="StandardMetaSchemas"/> proves valid is not evaluated; JsonSchema.Net evaluates the others, so a
/// refusal and its explanation always come from the meta-schema itself.
/// </summary>
internal static class MetaSchemaCheck
{
    private const int MaxLocations = 3;
    private static readonly Lazy<LibrarySchema> Draft4 = new(() => BuildEmbedded("draft-04-schema.json", JsonSchemaDraft.Draft4), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<LibrarySchema> Draft7 = new(() => BuildEmbedded("draft-07-schema.json", JsonSchemaDraft.Draft7), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly EvaluationOptions TreeOptions = new() { OutputFormat = OutputFormat.Hierarchical };
    private static readonly EvaluationOptions FlagOptions = new() { OutputFormat = OutputFormat.Flag };
    private static readonly Lock WarmUpLock = new();
    private static bool s_warm;

    /// <summary>The failures of <paramref name="schema"/> against the meta-schema of <paramref name="draft"/>; null when valid.</summary>
    public static string? Check(JsonElement schema, JsonSchemaDraft draft)
    {
        // Most schemas are proven valid by the keyword tables in microseconds; the library decides (and explains) the rest.
        if (StandardMetaSchemas.ProvesValid(schema, draft)) return null;
        return CheckWithLibrary(schema, draft);
    }

    /// <summary>The library's verdict against the draft's meta-schema, without the fast proof (tests compare the two).</summary>
    internal static string? CheckWithLibrary(JsonElement schema, JsonSchemaDraft draft)
    {
        WarmUp();
        return Check(schema, MetaSchemaOf(draft));
    }

    /// <summary>The failures of <paramref name="schema"/> against any meta-schema (a custom one, say); null when valid.</summary>
    public static string? Check(JsonElement schema, LibrarySchema metaSchema)
    {
        // The verdict is cheap; the located explanation is not, and only a refusal needs it.
        if (metaSchema.Evaluate(schema, FlagOptions).IsValid) return null;
        return Describe(metaSchema.Evaluate(schema, TreeOptions));
    }

    private static LibrarySchema MetaSchemaOf(JsonSchemaDraft draft) => draft switch
    {
        JsonSchemaDraft.Draft4 => Draft4.Value,
        JsonSchemaDraft.Draft6 => MetaSchemas.Draft6,
        JsonSchemaDraft.Draft7 => Draft7.Value,
        JsonSchemaDraft.Draft201909 => MetaSchemas.Draft201909,
        _ => MetaSchemas.Draft202012,
    };

    /// <summary>
    /// The library's meta-schemas live in its global registry and resolve some of their references lazily on first
    /// evaluation; doing that once, under a lock, keeps later concurrent evaluations read-only.
    /// </summary>
    private static void WarmUp()
    {
        if (Volatile.Read(ref s_warm)) return;
        lock (WarmUpLock)
        {
            if (s_warm) return;
            using var empty = JsonDocument.Parse("{}");
            foreach (var draft in Enum.GetValues<JsonSchemaDraft>()) MetaSchemaOf(draft).Evaluate(empty.RootElement, TreeOptions);
            Volatile.Write(ref s_warm, true);
        }
    }

    /// <summary>Builds a meta-schema shipped with the plug-in, in a registry of its own.</summary>
    private static LibrarySchema BuildEmbedded(string resource, JsonSchemaDraft draft)
    {
        using var stream = typeof(MetaSchemaCheck).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The meta-schema resource {resource} is missing.");
        using var document = JsonDocument.Parse(stream);
        var dialects = new LibraryDialects(new PatternRegexFactory(TimeSpan.FromSeconds(1), compiled: false));
        var uri = new Uri(Dialects.UriOf(draft));
        var build = LibrarySchemaBuilder.Build(
            new LibraryDocument(document.RootElement.Clone(), draft, [uri], $"the {Dialects.NameOf(draft)} meta-schema"), [], dialects);
        return build.Root;
    }

    /// <summary>Groups the failures by location, most specific first, and keeps the first few.</summary>
    private static string Describe(EvaluationResults results)
    {
        var byLocation = new List<(string Location, List<string> Messages)>();
        foreach (var node in Flatten(results))
        {
            if (node.Errors is null || node.Errors.Count == 0) continue;
            var location = node.InstanceLocation.ToString();
            var group = byLocation.FindIndex(g => g.Location == location);
            if (group < 0)
            {
                byLocation.Add((location, []));
                group = byLocation.Count - 1;
            }
            foreach (var message in node.Errors.Values)
            {
                if (!byLocation[group].Messages.Contains(message)) byLocation[group].Messages.Add(message);
            }
        }
        if (byLocation.Count == 0) return "(root): the schema does not conform to its meta-schema.";
        var described = byLocation
            .OrderByDescending(g => g.Location.Count(c => c == '/'))
            .Take(MaxLocations)
            .Select(g => $"{(g.Location.Length == 0 ? "(root)" : g.Location)}: {string.Join(" / ", g.Messages)}");
        return string.Join("; ", described);
    }

    /// <summary>
    /// The failed nodes of a hierarchical result, descending only through failures: an alternative that failed
    /// inside an anyOf that passed says nothing about the schema.
    /// </summary>
    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        if (results.IsValid) yield break;
        yield return results;
        if (results.Details is null) yield break;
        foreach (var child in results.Details)
        {
            foreach (var nested in Flatten(child)) yield return nested;
        }
    }
}
