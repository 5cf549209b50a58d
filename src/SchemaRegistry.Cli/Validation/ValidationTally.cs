using System.Net;
using SchemaRegistry.Cli.Documents;
using SchemaRegistry.Cli.Http;

namespace SchemaRegistry.Cli.Validation;

/// <summary>One reason a document is invalid.</summary>
/// <param name="Position">Where the document is.</param>
/// <param name="InstancePath">A JSON pointer into the document ("" for the whole of it).</param>
/// <param name="SchemaPath">A JSON pointer into the schema ("" when the document is not JSON).</param>
/// <param name="Keyword">The keyword that failed; <c>json</c> when the document is not JSON.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record DocumentError(DocumentPosition Position, string InstancePath, string SchemaPath, string Keyword, string Message);

/// <summary>
/// Counts valid and invalid documents and keeps the first <c>maxErrors</c> errors in file order, whatever order the
/// verdicts arrive in (a line that is not JSON is known before the server has judged the lines above it).
/// </summary>
/// <param name="maxErrors">How many errors to keep.</param>
internal sealed class ValidationTally(int maxErrors)
{
    /// <summary>The keyword reported for a document that is not JSON at all.</summary>
    public const string SyntaxKeyword = "json";

    private readonly List<DocumentError> _errors = [];

    /// <summary>Documents the schema accepts.</summary>
    public long Valid { get; private set; }

    /// <summary>Documents the schema refuses, plus those that are not JSON.</summary>
    public long Invalid { get; private set; }

    /// <summary>Every document seen.</summary>
    public long Total => Valid + Invalid;

    /// <summary>The first errors, in file order.</summary>
    public IReadOnlyList<DocumentError> Errors => _errors;

    /// <summary>Counts a document that is not JSON.</summary>
    public void AddUnreadable(DocumentPosition position, string message)
    {
        Invalid++;
        Keep(new DocumentError(position, "", "", SyntaxKeyword, message));
    }

    /// <summary>Counts the server's verdicts on a batch.</summary>
    public void AddBatch(DocumentBatch batch, BatchResultDto result)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Results.Count != batch.Positions.Length)
            throw new RegistryApiException(HttpStatusCode.OK, null,
                $"The registry answered {result.Results.Count} verdicts for a batch of {batch.Positions.Length} documents.");
        foreach (var item in result.Results)
        {
            if (item.Valid)
            {
                Valid++;
                continue;
            }
            Invalid++;
            var position = batch.Positions[item.Index];
            if (item.Errors.Count == 0) Keep(new DocumentError(position, "", "", "", "invalid"));
            foreach (var error in item.Errors)
                Keep(new DocumentError(position, error.InstancePath, error.SchemaPath, error.Keyword, error.Message));
        }
    }

    private void Keep(DocumentError error)
    {
        if (maxErrors <= 0) return;
        if (_errors.Count >= maxErrors && error.Position.Index >= _errors[^1].Position.Index) return;
        // After every kept error of the same or an earlier document: errors of one document stay in their order.
        var at = _errors.Count;
        while (at > 0 && _errors[at - 1].Position.Index > error.Position.Index) at--;
        _errors.Insert(at, error);
        if (_errors.Count > maxErrors) _errors.RemoveAt(_errors.Count - 1);
    }
}
