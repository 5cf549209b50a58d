using Microsoft.Net.Http.Headers;

namespace SchemaRegistry.Server.Http;

/// <summary>The media types of the Confluent API, and content negotiation over them.</summary>
internal static class MediaTypes
{
    public const string SchemaRegistryV1 = "application/vnd.schemaregistry.v1+json";
    public const string SchemaRegistry = "application/vnd.schemaregistry+json";
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";
    public const string OctetStream = "application/octet-stream";

    private static readonly string[] Produced = [SchemaRegistryV1, SchemaRegistry, Json];

    /// <summary>
    /// The request types every endpoint with a body takes (Confluent's four, plus text/json). Declared as endpoint
    /// metadata they document the body in OpenAPI and let routing answer 415 for anything else; a request without a
    /// Content-Type still matches.
    /// </summary>
    public static readonly string[] Accepted = [SchemaRegistryV1, SchemaRegistry, Json, OctetStream, "text/json"];

    /// <summary>Declares a JSON request body of type <typeparamref name="T"/> in any of the <see cref="Accepted"/> types.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>(Accepted[0], Accepted[1..]);

    /// <summary>
    /// The response type for a request: the first of Confluent's three types the Accept header names (by quality),
    /// else the v1 type, as Confluent answers by default.
    /// </summary>
    public static string Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return SchemaRegistryV1;
        foreach (var candidate in accept.OrderByDescending(a => a.Quality ?? 1.0))
        {
            foreach (var produced in Produced)
            {
                if (candidate.MediaType.Equals(produced, StringComparison.OrdinalIgnoreCase)) return produced;
            }
        }
        return SchemaRegistryV1;
    }

    /// <summary>
    /// True when a request body's type is one the API reads: any JSON type (<c>application/json</c>,
    /// <c>*+json</c>), <c>application/octet-stream</c> (Confluent accepts it), or none at all.
    /// </summary>
    public static bool IsReadable(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType)) return true;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return false;
        var media = type.MediaType.Value ?? "";
        return media.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.Equals(OctetStream, StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }
}
