namespace SchemaRegistry.Core.Errors;

/// <summary>
/// A refusal the user can act on: an error code and a message that says what to fix. The HTTP layer maps it to a
/// Confluent error body or an RFC 7807 problem; it is never a 500.
/// </summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public RegistryException(ErrorCode code, string message) : base(message) => Code = code;

    /// <summary>Creates a refusal with extra detail (compatibility messages, say).</summary>
    public RegistryException(ErrorCode code, string message, IReadOnlyList<string> details) : base(message)
    {
        Code = code;
        Details = details;
    }

    /// <summary>Creates a refusal caused by another exception (kept for the logs, never shown to clients).</summary>
    public RegistryException(ErrorCode code, string message, Exception innerException) : base(message, innerException) => Code = code;

    /// <summary>Required by the exception pattern; prefer the constructors with a code.</summary>
    public RegistryException() : this(ErrorCode.BadRequest, "Bad request.") { }

    /// <summary>Required by the exception pattern; prefer the constructors with a code.</summary>
    public RegistryException(string message) : this(ErrorCode.BadRequest, message) { }

    /// <summary>Required by the exception pattern; prefer the constructors with a code.</summary>
    public RegistryException(string message, Exception innerException) : base(message, innerException) => Code = ErrorCode.BadRequest;

    /// <summary>What went wrong, as a code.</summary>
    public ErrorCode Code { get; }

    /// <summary>Extra lines of detail, e.g. each compatibility violation.</summary>
    public IReadOnlyList<string> Details { get; } = [];
}
