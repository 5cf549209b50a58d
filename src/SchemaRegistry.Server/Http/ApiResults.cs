using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SchemaRegistry.Server.Http;

/// <summary>Results that write source-generated JSON with the right media type for each API.</summary>
internal static class ApiResults
{
    /// <summary>A Confluent answer: the media type negotiated from Accept (v1 by default).</summary>
    public static IResult Confluent<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        new JsonResult<T>(value, typeInfo, status, negotiate: true);

    /// <summary>A native answer: <c>application/json</c>.</summary>
    public static IResult Native<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        new JsonResult<T>(value, typeInfo, status, negotiate: false);

    /// <summary>Schema text as it is (the <c>/schema</c> endpoints), not wrapped in JSON.</summary>
    public static IResult Raw(string text, HttpRequest request) =>
        Results.Text(text, MediaTypes.Negotiate(request), System.Text.Encoding.UTF8);

    private sealed class JsonResult<T>(T value, JsonTypeInfo<T> typeInfo, int status, bool negotiate) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = negotiate ? MediaTypes.Negotiate(httpContext.Request) : MediaTypes.Json;
            await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, httpContext.RequestAborted);
        }
    }
}
