using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Server.Tests.Support;

/// <summary>Small helpers to speak the registry's HTTP APIs in tests.</summary>
public static class Http
{
    public const string V1 = "application/vnd.schemaregistry.v1+json";

    /// <summary>A JSON body with the Confluent media type.</summary>
    public static StringContent ConfluentBody(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, V1);

    /// <summary>A JSON body with application/json.</summary>
    public static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Raw text with a media type.</summary>
    public static StringContent Raw(string text, string mediaType = "application/json") =>
        new(text, Encoding.UTF8, mediaType);

    /// <summary>A Confluent registration body for a JSON Schema.</summary>
    public static StringContent JsonSchema(string schema, object[]? references = null) =>
        ConfluentBody(references is null ? new { schemaType = "JSON", schema } : new { schemaType = "JSON", schema, references });

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException("null body");
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Not JSON ({(int)response.StatusCode}): {text}");
        }
    }

    /// <summary>Asserts a status and returns the body as JSON.</summary>
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? JsonValue.Create("")! : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a Confluent error: HTTP status, error_code, and (optionally) a message fragment.</summary>
    public static async Task<string> ExpectErrorAsync(this Task<HttpResponseMessage> call, int errorCode, string? messageContains = null)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        var status = errorCode; while (status >= 1000) status /= 10;
        ((int)response.StatusCode).ShouldBe(status, text);
        var body = JsonNode.Parse(text)!;
        body["error_code"]!.GetValue<int>().ShouldBe(errorCode, text);
        var message = body["message"]!.GetValue<string>();
        if (messageContains is not null) message.ShouldContain(messageContains);
        return message;
    }

    /// <summary>Asserts an RFC 7807 problem: status, content type, code.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status, int? code = null)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = JsonNode.Parse(text)!;
        body["status"]!.GetValue<int>().ShouldBe((int)status);
        body["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        if (code is not null) body["code"]!.GetValue<int>().ShouldBe(code.Value);
        return body;
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    /// <summary>A unique subject name for a test.</summary>
    public static string Subject(string prefix = "s") => $"{prefix}-{Guid.NewGuid():N}";
}
