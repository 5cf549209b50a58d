using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Turns SQLite failures into refusals the HTTP layer can answer. Messages name SQLite's error class
/// ("database is locked", "disk I/O error"), never SQL text, table or column names.
/// </summary>
internal static class StoreErrors
{
    private const int ConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int ConstraintUnique = 2067;     // SQLITE_CONSTRAINT_UNIQUE

    public static string Describe(SqliteException exception)
    {
        var text = SQLitePCL.raw.sqlite3_errstr(exception.SqliteErrorCode).utf8_to_string();
        return $"SQLite error {exception.SqliteErrorCode}: {text}";
    }

    public static RegistryException Read(SqliteException exception) =>
        new(ErrorCode.StoreError, $"The store could not read ({Describe(exception)}).", exception);

    /// <summary>A write that broke a uniqueness rule lost a race (or repeated a row); anything else is a store failure.</summary>
    public static RegistryException Write(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique
            ? new(ErrorCode.WriteConflict, "The write collided with an existing row (another write got there first); read the current state and retry.")
            : new(ErrorCode.StoreError, $"The store could not apply the write ({Describe(exception)}).", exception);

    public static RegistryException Commit(SqliteException exception) =>
        new(ErrorCode.StoreError, $"The store could not commit the write ({Describe(exception)}); nothing was saved, retry.", exception);

    public static RegistryException BatchLost(SqliteException exception) =>
        new(ErrorCode.StoreError, $"The store lost the transaction carrying this write ({Describe(exception)}); nothing was saved, retry.", exception);

    public static RegistryException Open(string path, SqliteException exception) =>
        new(ErrorCode.StoreError, $"Could not open the store at '{path}' ({Describe(exception)}).", exception);
}
