using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Services;

/// <summary>Validates data against registered schemas by global id, through the compiled-validator cache.</summary>
public sealed class ValidationService(SchemaLoader loader, SubjectQueries queries)
{
    /// <summary>The compiled validator for a schema id; 40403 when the id is unknown.</summary>
    public async ValueTask<IDataValidator> GetValidatorAsync(long id, CancellationToken token)
    {
        var entry = loader.TryGetCached(id) ?? await LoadVisibleAsync(id, token).ConfigureAwait(false);
        return entry.Validator;
    }

    /// <summary>The schema's validator when it is cached and already compiled (one lookup, no work); otherwise null.</summary>
    public IDataValidator? TryGetCompiledValidator(long id) =>
        loader.TryGetCached(id) is { IsValidatorCompiled: true } entry ? entry.Validator : null;

    // A miss loads through the same visibility rule as GET /schemas/ids/{id}: an id no version uses is unknown.
    private async ValueTask<Caching.SchemaCache.Entry> LoadVisibleAsync(long id, CancellationToken token)
    {
        await queries.GetSchemaAsync(id, token).ConfigureAwait(false);
        return await loader.LoadAsync(id, token).ConfigureAwait(false) ?? throw SubjectQueries.SchemaNotFound(id);
    }

    /// <summary>
    /// The compiled validator for one message type of a schema id (Protobuf files define several); with
    /// <paramref name="message"/> null, the schema's default validator.
    /// </summary>
    public async ValueTask<IDataValidator> GetValidatorAsync(long id, string? message, CancellationToken token)
    {
        if (message is null) return await GetValidatorAsync(id, token).ConfigureAwait(false);
        var entry = loader.TryGetCached(id) ?? await LoadVisibleAsync(id, token).ConfigureAwait(false);
        if (entry.Schema is not IMultiMessageSchema messages)
            throw new RegistryException(ErrorCode.InvalidRequest, $"Schema {id} is {entry.Schema.SchemaType}, which has no message types to choose from; drop ?message=.");
        return entry.ValidatorFor(message)
            ?? throw new RegistryException(ErrorCode.InvalidRequest, $"Schema {id} has no message '{message}'. Its messages: {string.Join(", ", messages.MessageNames)}.");
    }

    /// <summary>The compiled validator for a subject's version.</summary>
    public async ValueTask<(IDataValidator Validator, long SchemaId)> GetValidatorAsync(string subject, VersionSelector selector, CancellationToken token)
    {
        var version = await queries.GetVersionAsync(subject, selector, includeDeleted: false, token).ConfigureAwait(false);
        return (await GetValidatorAsync(version.Schema.Id, token).ConfigureAwait(false), version.Schema.Id);
    }

    /// <summary>Validates one document.</summary>
    public async ValueTask<ValidationOutcome> ValidateAsync(long id, JsonElement document, CancellationToken token)
    {
        var validator = await GetValidatorAsync(id, token).ConfigureAwait(false);
        return validator.Validate(document);
    }

    /// <summary>Refuses a batch body that is not an array.</summary>
    public static void EnsureBatch(JsonElement batch)
    {
        if (batch.ValueKind != JsonValueKind.Array)
            throw new RegistryException(ErrorCode.BadRequest, $"A batch must be a JSON array of documents; got a JSON {batch.ValueKind.ToString().ToLowerInvariant()}.");
    }
}
