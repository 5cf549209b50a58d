namespace SchemaRegistry.Cli;

/// <summary>The exit codes of every command, so scripts can branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done; the schema is compatible; every document is valid.</summary>
    public const int Success = 0;

    /// <summary>The answer is "no": the schema is incompatible, or some documents are invalid.</summary>
    public const int Negative = 1;

    /// <summary>The command could not do its job: bad usage, an unreadable file, a server error, no connection.</summary>
    public const int Error = 2;
}
