using System.Net;
using System.Text.Json;

namespace SchemaRegistry.Cli.Http;

/// <summary>The registry refused a request: the HTTP status, its error code and message, and any listed reasons.</summary>
internal sealed class RegistryApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryApiException(HttpStatusCode status, int? code, string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Details = details ?? [];
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The registry's error code (Confluent's, e.g. 40401), when the answer carried one.</summary>
    public int? Code { get; }

    /// <summary>The individual reasons (for example each compatibility violation).</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Reads an error answer in either API's shape; anything else is described by its status and start.</summary>
    public static async Task<RegistryApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(token);
        var status = response.StatusCode;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                var body = JsonSerializer.Deserialize(text, CliJson.Wire.ErrorBodyDto);
                var message = body?.Detail ?? body?.Message ?? body?.Title;
                if (body is not null && !string.IsNullOrWhiteSpace(message))
                    return new RegistryApiException(status, body.Code ?? body.ErrorCode, message, body.Errors);
            }
            catch (JsonException)
            {
                // Not one of the registry's error shapes (a proxy's HTML page, say): described below.
            }
        }
        var start = text.Length > 200 ? text[..200] + "..." : text;
        var reason = string.IsNullOrWhiteSpace(start) ? $"the registry answered {response.ReasonPhrase}" : start.Trim();
        return new RegistryApiException(status, null, reason);
    }
}
