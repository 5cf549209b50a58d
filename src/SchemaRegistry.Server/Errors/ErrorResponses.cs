using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Http;

namespace SchemaRegistry.Server.Errors;

/// <summary>
/// Writes refusals in the shape each API promises: Confluent's <c>{"error_code", "message"}</c> at the root, RFC 7807
/// problem documents under <c>/api/v1</c>. Never a stack trace.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>True for requests to the native API, which answers problem documents.</summary>
    public static bool IsNative(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes an error in the request's API shape.</summary>
    public static async Task WriteAsync(HttpContext context, ErrorCode code, string message, IReadOnlyList<string>? details = null)
    {
        var response = context.Response;
        if (response.HasStarted) return;
        response.Clear();
        response.StatusCode = code.HttpStatus();
        await using var writer = new Utf8JsonWriter(response.BodyWriter.AsStream(), Contracts.RegistryJson.WriterOptions);
        if (IsNative(context.Request))
        {
            response.ContentType = MediaTypes.Problem;
            writer.WriteStartObject();
            writer.WriteString("type", $"https://github.com/llm-schema-registry/docs/blob/main/docs/api.md#error-{(int)code}");
            writer.WriteString("title", Title(code));
            writer.WriteNumber("status", response.StatusCode);
            writer.WriteString("detail", message);
            writer.WriteString("instance", context.Request.Path);
            writer.WriteNumber("code", (int)code);
            if (details is { Count: > 0 })
            {
                writer.WriteStartArray("errors");
                foreach (var line in details) writer.WriteStringValue(line);
                writer.WriteEndArray();
            }
            writer.WriteString("traceId", context.TraceIdentifier);
            writer.WriteEndObject();
        }
        else
        {
            response.ContentType = MediaTypes.Negotiate(context.Request);
            writer.WriteStartObject();
            writer.WriteNumber("error_code", (int)code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        await writer.FlushAsync(context.RequestAborted);
    }

    private static string Title(ErrorCode code) => code switch
    {
        ErrorCode.BadRequest => "Bad request",
        ErrorCode.NotFound => "Not found",
        ErrorCode.MethodNotAllowed => "Method not allowed",
        ErrorCode.PayloadTooLarge => "Request too large",
        ErrorCode.UnsupportedMediaType => "Unsupported media type",
        ErrorCode.IncompatibleSchema => "Incompatible schema",
        ErrorCode.WriteConflict => "Write conflict",
        ErrorCode.SubjectNotFound => "Subject not found",
        ErrorCode.VersionNotFound => "Version not found",
        ErrorCode.SchemaNotFound => "Schema not found",
        ErrorCode.SubjectSoftDeleted => "Subject soft deleted",
        ErrorCode.SubjectNotSoftDeleted => "Subject not soft deleted",
        ErrorCode.VersionSoftDeleted => "Version soft deleted",
        ErrorCode.VersionNotSoftDeleted => "Version not soft deleted",
        ErrorCode.SubjectCompatibilityNotConfigured => "Compatibility not configured",
        ErrorCode.SubjectModeNotConfigured => "Mode not configured",
        ErrorCode.InvalidSchema => "Invalid schema",
        ErrorCode.InvalidVersion => "Invalid version",
        ErrorCode.InvalidCompatibilityLevel => "Invalid compatibility level",
        ErrorCode.InvalidMode => "Invalid mode",
        ErrorCode.OperationNotPermitted => "Operation not permitted",
        ErrorCode.ReferenceExists => "Reference exists",
        ErrorCode.InvalidSemanticVersion => "Invalid semantic version",
        ErrorCode.InvalidStateTransition => "Invalid state transition",
        ErrorCode.InvalidRequest => "Invalid request",
        ErrorCode.StoreError => "Store error",
        ErrorCode.OperationTimeout => "Operation timed out",
        ErrorCode.ForwardingError => "Forwarding error",
        _ => "Error",
    };
}
