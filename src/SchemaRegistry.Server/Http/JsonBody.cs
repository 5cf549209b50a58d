using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Server.Http;

/// <summary>Reads request bodies as JSON with clear 4xx answers for what is wrong.</summary>
internal static class JsonBody
{
    /// <summary>Deserializes the body; a missing, non-JSON or wrongly typed body is a 400/415 that says what to fix.</summary>
    public static async ValueTask<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
    {
        EnsureReadable(request);
        var limits = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.ServerOptions>>().Value.Limits;
        EnsureWithinLimit(request, limits.MaxRequestBytes);
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted);
            // What follows a body (a registration, a compatibility check) may run long: not on a socket event thread.
            await EventThreads.LeaveEventThreadAsync();
            return value ?? throw new RegistryException(ErrorCode.BadRequest, "The request body is empty or null; send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new RegistryException(ErrorCode.BadRequest, Describe(e));
        }
    }

    /// <summary>
    /// Refuses a body that declares a length over the limit, before reading it. (Kestrel also enforces the limit while
    /// reading, for bodies that declare no length.)
    /// </summary>
    public static void EnsureWithinLimit(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
    }

    /// <summary>The 413 for a body over the limit.</summary>
    public static RegistryException TooLarge(long maxBytes) =>
        new(ErrorCode.PayloadTooLarge, $"The request body is larger than the limit of {maxBytes} bytes (Registry:Limits:MaxRequestBytes).");

    /// <summary>Refuses a body whose media type the API does not read.</summary>
    public static void EnsureReadable(HttpRequest request)
    {
        if (!MediaTypes.IsReadable(request))
            throw new RegistryException(ErrorCode.UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not supported; send {MediaTypes.SchemaRegistryV1} or {MediaTypes.Json}.");
    }

    /// <summary>A message for a JSON error that says where (line, byte and path), without .NET type names.</summary>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (field {e.Path})";
        var reason = e.InnerException?.Message ?? e.Message;
        // System.Text.Json messages name CLR types; keep only the first sentence, which describes the JSON.
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        return $"The request body is not valid JSON for this endpoint{where}{path}: {reason}";
    }
}
