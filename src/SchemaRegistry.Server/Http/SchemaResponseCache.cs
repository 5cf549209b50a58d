using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Endpoints.Confluent;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// The answers of <c>GET /schemas/ids/{id}</c> and <c>/schemas/ids/{id}/schema</c>, serialized once: an id's content
/// never changes, so its answer is written from cached bytes with an ETag and a long Cache-Control. An entry is
/// dropped when a permanent delete may have made the id unknown (<see cref="SchemaVisibility"/>); the size is bounded.
/// </summary>
internal sealed class SchemaResponseCache
{
    /// <summary>Ids are immutable; only a permanent delete ends one, and clients cache ids forever anyway.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly SubjectQueries _queries;
    private readonly int _capacity;

    public SchemaResponseCache(SchemaVisibility visibility, SubjectQueries queries, RegistryOptions options)
    {
        _queries = queries;
        _capacity = options.ResponseCacheCapacity;
        visibility.UsageRemoved += id => _entries.TryRemove(id, out _);
    }

    /// <summary>The cached answer for an id, loaded on a miss; a 40403 when the id is unknown.</summary>
    public ValueTask<Entry> GetAsync(long id, CancellationToken token) =>
        _entries.TryGetValue(id, out var cached) ? ValueTask.FromResult(cached) : LoadAsync(id, token);

    private async ValueTask<Entry> LoadAsync(long id, CancellationToken token)
    {
        var schema = await _queries.GetSchemaAsync(id, token);
        var entry = new Entry(
            JsonSerializer.SerializeToUtf8Bytes(ConfluentMapping.ToDto(schema), RegistryJson.Context.SchemaDto),
            Encoding.UTF8.GetBytes(schema.Text),
            $"\"{schema.Id}-{schema.Fingerprint[..16]}\"");
        if (_capacity <= 0) return entry;
        if (_entries.Count >= _capacity) _entries.Clear(); // cheap and rare: rebuilding an entry costs one read
        _entries[id] = entry;
        return entry;
    }

    /// <summary>Writes a cached answer, or 304 when the client already has it.</summary>
    public static Task WriteAsync(HttpContext context, byte[] body, string etag, string contentType)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>One id's answers: the JSON object and the raw schema text, and their ETag.</summary>
    public sealed record Entry(byte[] Json, byte[] Raw, string ETag);
}
