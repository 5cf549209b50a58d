using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

/// <summary>
/// What every <see cref="ISchemaStore"/> backend must do, whatever it is built on. A backend's test project derives
/// from this class and supplies <see cref="CreateStoreAsync"/>; xunit runs every test below against it, each test on
/// a fresh, empty, open store. Backend-specific behaviour (files, PRAGMAs, batching, migrations) is tested by the
/// backend's own tests.
/// </summary>
public abstract partial class SchemaStoreConformanceTests : IAsyncLifetime
{
    protected const string Json = "JSON";
    protected const string Avro = "AVRO";

    private ISchemaStore? _store;

    /// <summary>Creates a new, empty store and opens it.</summary>
    protected abstract ValueTask<ISchemaStore> CreateStoreAsync();

    /// <summary>Releases whatever <see cref="CreateStoreAsync"/> created besides the store (files, databases).</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    /// <summary>The store under test.</summary>
    protected ISchemaStore Store => _store ?? throw new InvalidOperationException("The store is not created yet.");

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        await CleanUpAsync();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    protected static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    protected static string Schema(string name) => $$"""{"type":"object","title":"{{name}}"}""";

    protected static SchemaReference Ref(string name, string subject, int version) => new(name, subject, version);

    protected static RegisterVersionCommand Command(
        string subject,
        string text,
        int expectedLatestVersion,
        IReadOnlyList<SchemaReference>? references = null,
        string schemaType = Json,
        VersionMetadata? metadata = null,
        VersionState state = VersionState.Active,
        string semver = "1.0.0") =>
        new(subject, schemaType, text, Fingerprint(text), references ?? [], semver, state, metadata ?? VersionMetadata.Empty, expectedLatestVersion);

    /// <summary>Registers with the subject's current max version as the expectation (no race in a single test).</summary>
    protected async Task<RegisteredVersion> RegisterAsync(
        string subject,
        string text,
        IReadOnlyList<SchemaReference>? references = null,
        string schemaType = Json,
        VersionMetadata? metadata = null,
        VersionState state = VersionState.Active,
        string semver = "1.0.0")
    {
        var latest = await Store.GetMaxVersionAsync(subject, None);
        return await Store.ExecuteAsync(Command(subject, text, latest, references, schemaType, metadata, state, semver), None);
    }

    protected Task<TResult> ExecuteAsync<TResult>(StoreCommand<TResult> command) => Store.ExecuteAsync(command, None).AsTask();

    protected static async Task<RegistryException> ShouldBeRefusedAsync(ErrorCode code, Func<Task> action)
    {
        var refusal = await Should.ThrowAsync<RegistryException>(action);
        refusal.Code.ShouldBe(code, refusal.Message);
        return refusal;
    }

    protected static VersionMetadata Metadata(string? description = null, string? owner = null, string[]? tags = null, Dictionary<string, string>? properties = null) =>
        new(description, owner, tags ?? [], properties ?? new Dictionary<string, string>());

    protected async Task<int[]> VersionNumbersAsync(string subject, bool includeDeleted = true) =>
        (await Store.GetVersionsAsync(subject, includeDeleted, None)).Select(v => v.Version).ToArray();

    protected async Task<string[]> SubjectsAsync(SubjectQuery query) => (await Store.ListSubjectsAsync(query, None)).ToArray();
}
