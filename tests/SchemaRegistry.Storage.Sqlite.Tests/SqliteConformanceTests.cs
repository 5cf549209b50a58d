using SchemaRegistry.Core.Storage;
using SchemaRegistry.Storage.Conformance;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>The backend-independent suite against a real SQLite file in a temporary directory.</summary>
public sealed class SqliteConformanceTests : SchemaStoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    protected override async ValueTask<ISchemaStore> CreateStoreAsync()
    {
        var store = new SqliteSchemaStore(SqliteStoreOptions.InDirectory(_directory.Path));
        await store.OpenAsync(CancellationToken.None);
        return store;
    }

    protected override ValueTask CleanUpAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
