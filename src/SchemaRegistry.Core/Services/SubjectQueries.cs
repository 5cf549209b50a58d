using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// Reads: subjects, versions, schemas by id, usages, references, lookup of a schema under a subject. The "not found"
/// answers follow Confluent exactly: 40401 when the subject has nothing visible, 40402 for a missing version of a
/// subject that exists, 40403 for a missing schema.
/// </summary>
public sealed class SubjectQueries(ISchemaStore store, SchemaLoader loader, ReferenceResolver references)
{
    /// <summary>Subject names matching a query.</summary>
    public ValueTask<IReadOnlyList<string>> ListSubjectsAsync(SubjectQuery query, CancellationToken token) =>
        store.ListSubjectsAsync(query, token);

    /// <summary>A subject's versions (live, or all with <paramref name="includeDeleted"/>); 40401 when there are none.</summary>
    public async ValueTask<IReadOnlyList<StoredVersion>> GetVersionsAsync(string subject, bool includeDeleted, CancellationToken token)
    {
        var versions = await store.GetVersionsAsync(subject, includeDeleted, token).ConfigureAwait(false);
        return versions.Count > 0 ? versions : throw SubjectNotFound(subject);
    }

    /// <summary>
    /// One version of a subject. <c>latest</c> is always the newest live version (as in Confluent, even with
    /// <paramref name="includeDeleted"/>); a number must be live unless <paramref name="includeDeleted"/>; a semver
    /// (native API) names the version that carries it.
    /// </summary>
    public async ValueTask<StoredVersion> GetVersionAsync(string subject, VersionSelector selector, bool includeDeleted, CancellationToken token)
    {
        StoredVersion? found;
        if (selector.IsLatest)
        {
            var live = await store.GetVersionsAsync(subject, includeDeleted: false, token).ConfigureAwait(false);
            found = live.Count > 0 ? live[^1] : null;
        }
        else if (selector.Semver is { } semver)
        {
            var wanted = semver.ToString();
            var versions = await store.GetVersionsAsync(subject, includeDeleted, token).ConfigureAwait(false);
            found = versions.LastOrDefault(v => v.Semver == wanted);
        }
        else
        {
            var row = await store.GetVersionAsync(subject, selector.Number, token).ConfigureAwait(false);
            found = row is not null && (!row.Deleted || includeDeleted) ? row : null;
        }
        if (found is not null) return found;
        if (!await HasVersionsAsync(subject, includeDeleted, token).ConfigureAwait(false)) throw SubjectNotFound(subject);
        throw VersionNotFound(selector);
    }

    /// <summary>True when the subject has a live version (or any version row, with <paramref name="includeDeleted"/>).</summary>
    public async ValueTask<bool> HasVersionsAsync(string subject, bool includeDeleted, CancellationToken token) =>
        includeDeleted
            ? await store.GetMaxVersionAsync(subject, token).ConfigureAwait(false) > 0
            : (await store.GetVersionsAsync(subject, includeDeleted: false, token).ConfigureAwait(false)).Count > 0;

    /// <summary>A schema by global id; 40403 when unknown or every version that used it was permanently deleted.</summary>
    public async ValueTask<StoredSchema> GetSchemaAsync(long id, CancellationToken token)
    {
        var schema = await store.GetSchemaAsync(id, token).ConfigureAwait(false);
        if (schema is not null && (await store.GetUsagesAsync(id, includeDeleted: true, token).ConfigureAwait(false)).Count > 0)
            return schema;
        throw SchemaNotFound(id);
    }

    /// <summary>
    /// The (subject, version) pairs using a schema id: live ones, or all with <paramref name="includeDeleted"/>. 40403
    /// when the id is unknown; an empty list when it is known but only soft-deleted versions use it.
    /// </summary>
    public async ValueTask<IReadOnlyList<SubjectVersionRef>> GetUsagesAsync(long id, bool includeDeleted, CancellationToken token)
    {
        var all = await store.GetUsagesAsync(id, includeDeleted: true, token).ConfigureAwait(false);
        if (all.Count == 0) throw new RegistryException(ErrorCode.SchemaNotFound, "Schema not found");
        return includeDeleted ? all : [.. all.Where(u => !u.Deleted)];
    }

    /// <summary>The ids of the live schemas that reference a version (the version may be soft deleted).</summary>
    public async ValueTask<IReadOnlyList<long>> GetReferencedByAsync(string subject, VersionSelector selector, CancellationToken token)
    {
        var version = await GetVersionAsync(subject, selector, includeDeleted: true, token).ConfigureAwait(false);
        var referrers = await store.GetReferrersAsync(subject, version.Version, includeDeleted: false, token).ConfigureAwait(false);
        return [.. referrers.Select(r => r.Schema.Id).Distinct().Order()];
    }

    /// <summary>
    /// Finds the version of a subject holding this schema (<c>POST /subjects/{subject}</c>): 40401 when the subject has
    /// no visible versions, 40403 when none of them holds the schema.
    /// </summary>
    public async ValueTask<StoredVersion> LookupAsync(string subject, string? schemaType, string text, IReadOnlyList<SchemaReference> declared,
        bool normalize, bool includeDeleted, CancellationToken token)
    {
        var versions = await GetVersionsAsync(subject, includeDeleted, token).ConfigureAwait(false);
        var pinned = await references.PinAsync(declared, token).ConfigureAwait(false);
        var parsed = await loader.ParseAsync(schemaType, text, pinned, normalize, token).ConfigureAwait(false);
        var match = FindSameSchema(versions, parsed);
        if (match is null && !normalize)
        {
            // A schema registered with normalize=true is stored normalized: try that form too, as Confluent does.
            var normalized = await loader.ParseAsync(schemaType, text, pinned, normalize: true, token).ConfigureAwait(false);
            match = FindSameSchema(versions, normalized);
        }
        return match ?? throw new RegistryException(ErrorCode.SchemaNotFound, "Schema not found");
    }

    /// <summary>The newest version among <paramref name="versions"/> whose schema has the same identity as <paramref name="parsed"/>.</summary>
    internal static StoredVersion? FindSameSchema(IReadOnlyList<StoredVersion> versions, IParsedSchema parsed)
    {
        var fingerprint = SchemaFingerprint.Of(parsed.CanonicalText);
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (IsSameSchema(versions[i].Schema, parsed, fingerprint)) return versions[i];
        }
        return null;
    }

    /// <summary>True when a stored schema has the parsed schema's identity (format, canonical text, references).</summary>
    internal static bool IsSameSchema(StoredSchema schema, IParsedSchema parsed, string fingerprint) =>
        schema.Fingerprint == fingerprint &&
        string.Equals(schema.SchemaType, parsed.SchemaType, StringComparison.OrdinalIgnoreCase) &&
        schema.References.SequenceEqual(parsed.References);

    internal static RegistryException SubjectNotFound(string subject) =>
        new(ErrorCode.SubjectNotFound, $"Subject '{subject}' not found.");

    internal static RegistryException VersionNotFound(VersionSelector selector) =>
        new(ErrorCode.VersionNotFound, $"Version {(selector.Semver is { } s ? s.ToString() : selector.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))} not found.");

    internal static RegistryException SchemaNotFound(long id) =>
        new(ErrorCode.SchemaNotFound, $"Schema {id} not found");
}
