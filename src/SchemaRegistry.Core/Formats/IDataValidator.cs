using System.Text.Json;

namespace SchemaRegistry.Core.Formats;

/// <summary>A validator compiled once for one schema and used by many concurrent requests.</summary>
public interface IDataValidator
{
    /// <summary>Validates one document. A valid document should cost no allocation.</summary>
    ValidationOutcome Validate(JsonElement instance);

    /// <summary>
    /// Which evaluation path this validator takes (e.g. <c>compiled</c> or <c>library</c>), reported in the schema's
    /// metadata so an operator can see why one schema validates faster than another.
    /// </summary>
    string Engine => "default";

    /// <summary>
    /// Decides from the raw JSON text, without building a document, that the JSON value at the start of
    /// <paramref name="json"/> (after any whitespace) is certainly valid: the fast path for the common case (a service
    /// sending well-formed data). True: valid, and <paramref name="consumed"/> is the offset just past the value (what
    /// follows is the caller's to check). False: invalid, not JSON, nested deeper than <paramref name="maxDepth"/>
    /// levels, or not decided here; <see cref="Validate"/> on the parsed value then gives the verdict and the errors.
    /// Never throws on bad text. The default decides nothing.
    /// </summary>
    bool IsCertainlyValid(ReadOnlySpan<byte> json, int maxDepth, out int consumed)
    {
        consumed = 0;
        return false;
    }
}

/// <summary>One reason a document is invalid.</summary>
/// <param name="InstancePath">JSON pointer to the offending value in the document.</param>
/// <param name="SchemaPath">JSON pointer to the keyword in the schema that refused it.</param>
/// <param name="Keyword">The keyword, e.g. <c>required</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ValidationError(string InstancePath, string SchemaPath, string Keyword, string Message);

/// <summary>The verdict on one document.</summary>
public sealed class ValidationOutcome
{
    /// <summary>The shared verdict for every valid document (no allocation).</summary>
    public static readonly ValidationOutcome Valid = new([]);

    private ValidationOutcome(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary>True when the document is valid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every reason the document is invalid; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>An invalid verdict. An empty list means valid.</summary>
    public static ValidationOutcome Invalid(IReadOnlyList<ValidationError> errors) =>
        errors is null || errors.Count == 0 ? Valid : new ValidationOutcome(errors);
}
