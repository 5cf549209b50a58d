namespace SchemaRegistry.Cli.Validation;

/// <summary>The summary of a validation run, as printed by <c>validate --output json</c>.</summary>
internal sealed class ValidationReport
{
    /// <summary>The file validated (<c>-</c> for standard input).</summary>
    public string File { get; set; } = "";
    /// <summary>json or ndjson.</summary>
    public string Format { get; set; } = "";
    /// <summary>The subject, when the schema was named by subject.</summary>
    public string? Subject { get; set; }
    /// <summary>The version, when the schema was named by subject.</summary>
    public int? Version { get; set; }
    /// <summary>The schema's global id.</summary>
    public long SchemaId { get; set; }
    /// <summary>Documents seen.</summary>
    public long Total { get; set; }
    /// <summary>Documents the schema accepts.</summary>
    public long Valid { get; set; }
    /// <summary>Documents the schema refuses, plus those that are not JSON.</summary>
    public long Invalid { get; set; }
    /// <summary>Bytes read.</summary>
    public long Bytes { get; set; }
    /// <summary>Wall-clock seconds.</summary>
    public double ElapsedSeconds { get; set; }
    /// <summary>Documents per second.</summary>
    public double DocumentsPerSecond { get; set; }
    /// <summary>Why reading stopped before the end of the file, if it did.</summary>
    public string? StoppedEarly { get; set; }
    /// <summary>The first errors, in file order.</summary>
    public List<ReportedError> Errors { get; set; } = [];
}

/// <summary>One error in a <see cref="ValidationReport"/>.</summary>
internal sealed class ReportedError
{
    /// <summary>The document's 0-based index in the file (the array index for a JSON array).</summary>
    public long Index { get; set; }
    /// <summary>The 1-based line the document starts on.</summary>
    public long Line { get; set; }
    /// <summary>A JSON pointer into the document.</summary>
    public string InstancePath { get; set; } = "";
    /// <summary>A JSON pointer into the schema.</summary>
    public string SchemaPath { get; set; } = "";
    /// <summary>The keyword that failed (<c>json</c>: not JSON at all).</summary>
    public string Keyword { get; set; } = "";
    /// <summary>What is wrong.</summary>
    public string Message { get; set; } = "";

    /// <summary>Copies a tally's error.</summary>
    public static ReportedError From(DocumentError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ReportedError
        {
            Index = error.Position.Index,
            Line = error.Position.Line,
            InstancePath = error.InstancePath,
            SchemaPath = error.SchemaPath,
            Keyword = error.Keyword,
            Message = error.Message,
        };
    }
}
