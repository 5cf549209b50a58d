using System.Diagnostics;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>The store's spans (<c>store.commit</c>), exported when tracing is on.</summary>
internal static class StoreActivities
{
    public static ActivitySource Source { get; } = new(SqliteSchemaStore.ActivitySourceName);
}
