namespace SchemaRegistry.Core.Errors;

/// <summary>
/// Every error the registry reports. The values are Confluent's <c>error_code</c>s where Confluent has one (its HTTP
/// status is the code's first three digits); the native API adds a few of its own in the same scheme.
/// </summary>
public enum ErrorCode
{
    /// <summary>The request is malformed (not JSON, a missing field).</summary>
    BadRequest = 400,
    /// <summary>No endpoint at this path.</summary>
    NotFound = 404,
    /// <summary>The endpoint does not take this method.</summary>
    MethodNotAllowed = 405,
    /// <summary>The body is larger than the configured limit.</summary>
    PayloadTooLarge = 413,
    /// <summary>The media type of the body is not one the endpoint takes.</summary>
    UnsupportedMediaType = 415,
    /// <summary>The schema is incompatible with an earlier version.</summary>
    IncompatibleSchema = 409,
    /// <summary>A write lost a race with another write to the same subject; retry. (Not a Confluent code.)</summary>
    WriteConflict = 40950,
    /// <summary>Subject not found.</summary>
    SubjectNotFound = 40401,
    /// <summary>Version not found.</summary>
    VersionNotFound = 40402,
    /// <summary>Schema not found.</summary>
    SchemaNotFound = 40403,
    /// <summary>Subject was soft deleted.</summary>
    SubjectSoftDeleted = 40404,
    /// <summary>Subject was not soft deleted before a permanent delete.</summary>
    SubjectNotSoftDeleted = 40405,
    /// <summary>Version was soft deleted.</summary>
    VersionSoftDeleted = 40406,
    /// <summary>Version was not soft deleted before a permanent delete.</summary>
    VersionNotSoftDeleted = 40407,
    /// <summary>Subject has no subject-level compatibility configured.</summary>
    SubjectCompatibilityNotConfigured = 40408,
    /// <summary>Subject has no subject-level mode configured.</summary>
    SubjectModeNotConfigured = 40409,
    /// <summary>Schema is invalid.</summary>
    InvalidSchema = 42201,
    /// <summary>Version is invalid.</summary>
    InvalidVersion = 42202,
    /// <summary>Compatibility level is invalid.</summary>
    InvalidCompatibilityLevel = 42203,
    /// <summary>Mode is invalid.</summary>
    InvalidMode = 42204,
    /// <summary>Operation not permitted (read-only mode, IMPORT rules...).</summary>
    OperationNotPermitted = 42205,
    /// <summary>The version is referenced by another schema and cannot be deleted.</summary>
    ReferenceExists = 42206,
    /// <summary>The subject name is invalid (empty, too long, control characters).</summary>
    InvalidSubject = 42208,
    /// <summary>Native: a semantic version contradicts the diff or does not move forward. (Not a Confluent code.)</summary>
    InvalidSemanticVersion = 42220,
    /// <summary>Native: the life cycle state cannot move as asked. (Not a Confluent code.)</summary>
    InvalidStateTransition = 42221,
    /// <summary>Native: a request field is invalid (e.g. a date, a page size). (Not a Confluent code.)</summary>
    InvalidRequest = 42222,
    /// <summary>The store failed.</summary>
    StoreError = 50001,
    /// <summary>An operation timed out.</summary>
    OperationTimeout = 50002,
    /// <summary>Forwarding to the leader failed.</summary>
    ForwardingError = 50003,
}

/// <summary>Maps codes to HTTP statuses.</summary>
public static class ErrorCodes
{
    /// <summary>The HTTP status: the code itself for three-digit codes, else its first three digits.</summary>
    public static int HttpStatus(this ErrorCode code)
    {
        var value = (int)code;
        while (value >= 1000) value /= 10;
        return value;
    }
}
