namespace SchemaRegistry.Formats.JsonSchema.Drafts;

/// <summary>Maps <c>$schema</c> URIs to drafts and answers the few draft-dependent questions of the keyword grammar.</summary>
public static class Dialects
{
    private static readonly (JsonSchemaDraft Draft, string Uri)[] Known =
    [
        (JsonSchemaDraft.Draft4, "http://json-schema.org/draft-04/schema#"),
        (JsonSchemaDraft.Draft6, "http://json-schema.org/draft-06/schema#"),
        (JsonSchemaDraft.Draft7, "http://json-schema.org/draft-07/schema#"),
        (JsonSchemaDraft.Draft201909, "https://json-schema.org/draft/2019-09/schema"),
        (JsonSchemaDraft.Draft202012, "https://json-schema.org/draft/2020-12/schema"),
    ];

    /// <summary>The canonical <c>$schema</c> URI of each supported draft, oldest first.</summary>
    public static IReadOnlyList<string> SupportedUris { get; } = [.. Known.Select(k => k.Uri)];

    /// <summary>The canonical <c>$schema</c> URI of a draft.</summary>
    public static string UriOf(JsonSchemaDraft draft) => Known.First(k => k.Draft == draft).Uri;

    /// <summary>A short name for messages, e.g. <c>draft-07</c>.</summary>
    public static string NameOf(JsonSchemaDraft draft) => draft switch
    {
        JsonSchemaDraft.Draft4 => "draft-04",
        JsonSchemaDraft.Draft6 => "draft-06",
        JsonSchemaDraft.Draft7 => "draft-07",
        JsonSchemaDraft.Draft201909 => "draft 2019-09",
        _ => "draft 2020-12",
    };

    /// <summary>
    /// Recognises a <c>$schema</c> value. People write these URIs with and without the empty fragment and with either
    /// scheme, so both are accepted; anything else is unknown.
    /// </summary>
    public static bool TryParse(string? uri, out JsonSchemaDraft draft)
    {
        var key = Normalize(uri);
        foreach (var (candidate, known) in Known)
        {
            if (string.Equals(Normalize(known), key, StringComparison.Ordinal))
            {
                draft = candidate;
                return true;
            }
        }
        draft = default;
        return false;
    }

    private static string Normalize(string? uri)
    {
        var text = (uri ?? "").Trim();
        if (text.EndsWith('#')) text = text[..^1];
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) text = "http://" + text["https://".Length..];
        return text.ToLowerInvariant();
    }

    /// <summary>True when <c>$ref</c> makes every sibling keyword inert (drafts 4 to 7).</summary>
    public static bool RefOverridesSiblings(this JsonSchemaDraft draft) => draft <= JsonSchemaDraft.Draft7;

    /// <summary>The keyword that names a schema resource: <c>id</c> in draft 4, <c>$id</c> after.</summary>
    public static string IdKeyword(this JsonSchemaDraft draft) => draft == JsonSchemaDraft.Draft4 ? "id" : "$id";
}
