using SchemaRegistry.Core.Caching;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// Parses schema text through its plug-in, and loads parsed schemas by id through the cache: parsing and validator
/// compilation happen once per id, every later request only evaluates.
/// </summary>
public sealed class SchemaLoader(ISchemaStore store, SchemaFormats formats, ReferenceResolver references, SchemaCache cache)
{
    private readonly ParsedTextCache _parsedTexts = new();

    /// <summary>The schema type Confluent clients mean when they send none.</summary>
    public const string DefaultSchemaType = "AVRO";

    /// <summary>The format plug-ins.</summary>
    public SchemaFormats Formats => formats;

    /// <summary>
    /// Parses text with its (pinned) references. An unknown or missing format, or an invalid schema, is a 42201 that
    /// says what to fix.
    /// </summary>
    public async ValueTask<IParsedSchema> ParseAsync(string? schemaType, string text, IReadOnlyList<SchemaReference> pinnedReferences, bool normalize, CancellationToken token)
    {
        var format = FormatFor(schemaType);
        if (string.IsNullOrWhiteSpace(text))
            throw new RegistryException(ErrorCode.InvalidSchema, "The schema is empty.");
        // Without references the parse depends on the text alone: a text parsed before is not parsed again.
        var cacheable = pinnedReferences.Count == 0;
        if (cacheable && _parsedTexts.TryGet(format.SchemaType, normalize, text, out var known)) return known;
        var resolved = await references.ResolveAsync(pinnedReferences, token).ConfigureAwait(false);
        var result = format.Parse(new SchemaParseRequest(text, resolved, normalize));
        if (!result.Success)
            throw new RegistryException(ErrorCode.InvalidSchema, $"Invalid schema of type {format.SchemaType.ToUpperInvariant()}: {result.Error}");
        if (cacheable) _parsedTexts.Add(format.SchemaType, normalize, text, result.Schema!);
        return result.Schema!;
    }

    /// <summary>The plug-in for a schema type; a missing type means AVRO, as Confluent clients expect.</summary>
    public ISchemaFormat FormatFor(string? schemaType)
    {
        var type = string.IsNullOrWhiteSpace(schemaType) ? DefaultSchemaType : schemaType.Trim();
        if (formats.TryGet(type, out var format)) return format;
        var supported = string.Join(", ", formats.Types);
        throw new RegistryException(ErrorCode.InvalidSchema, string.IsNullOrWhiteSpace(schemaType)
            ? $"The request has no schemaType, which means AVRO to Confluent clients, and this registry has no AVRO plug-in. Send \"schemaType\" with one of: {supported}."
            : $"Schema type '{type}' is not supported. Supported types: {supported}.");
    }

    /// <summary>The cached entry (parsed schema and validator) for a schema id, loading it on a miss; null if unknown.</summary>
    public async ValueTask<SchemaCache.Entry?> GetAsync(long id, CancellationToken token) =>
        TryGetCached(id) ?? await LoadAsync(id, token).ConfigureAwait(false);

    /// <summary>Loads, parses and caches a schema by id without looking in the cache first; null if unknown.</summary>
    public async ValueTask<SchemaCache.Entry?> LoadAsync(long id, CancellationToken token)
    {
        var stored = await store.GetSchemaAsync(id, token).ConfigureAwait(false);
        if (stored is null) return null;
        var parsed = await ParseStoredAsync(stored, token).ConfigureAwait(false);
        return cache.Add(id, parsed);
    }

    /// <summary>The cached entry for a schema id, or null on a miss (counted).</summary>
    public SchemaCache.Entry? TryGetCached(long id) => cache.TryGet(id, out var entry) ? entry : null;

    /// <summary>The parsed schema of a stored schema, through the cache.</summary>
    public async ValueTask<IParsedSchema> GetParsedAsync(StoredSchema stored, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (cache.TryGet(stored.Id, out var entry)) return entry.Schema;
        var parsed = await ParseStoredAsync(stored, token).ConfigureAwait(false);
        return cache.Add(stored.Id, parsed).Schema;
    }

    /// <summary>Puts a freshly registered schema in the cache, so its first validation needs no parse.</summary>
    public void Remember(long id, IParsedSchema schema) => cache.Add(id, schema);

    private async ValueTask<IParsedSchema> ParseStoredAsync(StoredSchema stored, CancellationToken token)
    {
        // Stored text is already canonical (and normalized if it was registered so): parse it as it is.
        try
        {
            return await ParseAsync(stored.SchemaType, stored.Text, stored.References, normalize: false, token).ConfigureAwait(false);
        }
        catch (RegistryException e)
        {
            // A stored schema that no longer parses means a plug-in changed its rules: an operator problem, not the caller's.
            throw new RegistryException(ErrorCode.StoreError, $"Stored schema {stored.Id} can no longer be parsed: {e.Message}");
        }
    }
}
