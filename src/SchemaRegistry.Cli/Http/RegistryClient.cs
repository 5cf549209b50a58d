using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SchemaRegistry.Cli.Http;

/// <summary>
/// A typed client for the registry's native API (<c>/api/v1</c>). Every request goes to an absolute URL under
/// <see cref="BaseUrl"/>, so the <see cref="HttpClient"/> may come from anywhere (a test server's included). Refusals
/// become <see cref="RegistryApiException"/>; a registry that cannot be reached becomes
/// <see cref="RegistryUnreachableException"/> naming the URL.
/// </summary>
internal sealed class RegistryClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly string? _apiKey;

    /// <summary>Creates a client for the registry at <paramref name="baseUrl"/>.</summary>
    /// <param name="http">The HTTP client (not disposed here).</param>
    /// <param name="baseUrl">The registry's base URL, e.g. <c>http://localhost:8081</c>.</param>
    /// <param name="apiKey">Sent as <c>Authorization: Bearer</c> when given.</param>
    public RegistryClient(HttpClient http, Uri baseUrl, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _apiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey;
        // A trailing slash makes relative paths land under a base that has a path (http://host/registry/).
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>The registry's base URL, ending with a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>POST /api/v1/schemas</c>: registers a version.</summary>
    public Task<RegisterSchemaResponse> RegisterAsync(RegisterSchemaRequest request, CancellationToken token) =>
        SendAsync(HttpMethod.Post, "api/v1/schemas", Json(request, CliJson.Wire.RegisterSchemaRequest), CliJson.Wire.RegisterSchemaResponse, token);

    /// <summary><c>GET /api/v1/subjects/{subject}/versions/{version}</c>: a version by integer, semver or <c>latest</c>.</summary>
    public Task<VersionDto> GetVersionAsync(string subject, string version, CancellationToken token) =>
        SendAsync(HttpMethod.Get, $"api/v1/subjects/{Escape(subject)}/versions/{Escape(version)}", null, CliJson.Wire.VersionDto, token);

    /// <summary><c>GET /api/v1/schemas/{id}</c>: a schema by global id.</summary>
    public Task<SchemaByIdDto> GetSchemaAsync(long id, CancellationToken token) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"api/v1/schemas/{id}"), null, CliJson.Wire.SchemaByIdDto, token);

    /// <summary><c>GET /api/v1/subjects</c>: a page of subjects matching the filters.</summary>
    public Task<SubjectPage> ListSubjectsAsync(SubjectQuery query, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = new StringBuilder("api/v1/subjects");
        var separator = '?';
        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        Add("prefix", query.Prefix);
        Add("namespace", query.Namespace);
        Add("tag", query.Tag);
        Add("state", query.State);
        Add("format", query.Format);
        Add("q", query.Text);
        Add("offset", query.Offset?.ToString(CultureInfo.InvariantCulture));
        Add("limit", query.Limit?.ToString(CultureInfo.InvariantCulture));
        return SendAsync(HttpMethod.Get, path.ToString(), null, CliJson.Wire.SubjectPage, token);
    }

    /// <summary><c>POST /api/v1/compatibility/subjects/{subject}</c>: checks a candidate; registers nothing.</summary>
    public Task<CompatibilityReportDto> CheckAsync(string subject, CheckSchemaRequest request, CancellationToken token) =>
        SendAsync(HttpMethod.Post, $"api/v1/compatibility/subjects/{Escape(subject)}", Json(request, CliJson.Wire.CheckSchemaRequest),
            CliJson.Wire.CompatibilityReportDto, token);

    /// <summary><c>GET /api/v1/subjects/{subject}/diff</c>: the changes between two versions.</summary>
    public Task<DiffDto> DiffAsync(string subject, string from, string? to, string? toSubject, CancellationToken token)
    {
        var path = $"api/v1/subjects/{Escape(subject)}/diff?from={Escape(from)}";
        if (to is not null) path += $"&to={Escape(to)}";
        if (toSubject is not null) path += $"&toSubject={Escape(toSubject)}";
        return SendAsync(HttpMethod.Get, path, null, CliJson.Wire.DiffDto, token);
    }

    /// <summary><c>POST /api/v1/validate/{id}/batch</c>: validates a JSON array of documents.</summary>
    /// <param name="id">The schema id.</param>
    /// <param name="batch">The UTF-8 JSON array of documents.</param>
    /// <param name="token">Cancels the request.</param>
    public Task<BatchResultDto> ValidateBatchAsync(long id, ReadOnlyMemory<byte> batch, CancellationToken token)
    {
        var content = new ReadOnlyMemoryContent(batch);
        content.Headers.ContentType = JsonMediaType;
        return SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"api/v1/validate/{id}/batch"), content,
            CliJson.Wire.BatchResultDto, token);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken token)
    {
        var url = new Uri(BaseUrl, path);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            if (!response.IsSuccessStatusCode) throw await RegistryApiException.FromResponseAsync(response, token);
            await using var body = await response.Content.ReadAsStreamAsync(token);
            try
            {
                return await JsonSerializer.DeserializeAsync(body, answer, token)
                    ?? throw new RegistryApiException(response.StatusCode, null, $"The registry answered null to {method} {url}.");
            }
            catch (JsonException e)
            {
                throw new RegistryApiException(response.StatusCode, null,
                    $"The registry's answer to {method} {url} is not the JSON the CLI expects: {e.Message}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new RegistryUnreachableException(url, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!token.IsCancellationRequested)
        {
            throw new RegistryUnreachableException(url, $"no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }
    }

    // "Connection refused (127.0.0.1:1234)" says more than HttpRequestException's generic first line.
    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? $"{socket.Message} ({socket.SocketErrorCode})" : e.Message;

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

/// <summary>The filters of <c>GET /api/v1/subjects</c>; null means "not filtered".</summary>
internal sealed record SubjectQuery
{
    /// <summary>Subjects starting with this.</summary>
    public string? Prefix { get; init; }
    /// <summary>Subjects in this namespace.</summary>
    public string? Namespace { get; init; }
    /// <summary>Subjects whose latest version has this tag.</summary>
    public string? Tag { get; init; }
    /// <summary>Subjects whose latest version is in this state.</summary>
    public string? State { get; init; }
    /// <summary>Subjects of this format.</summary>
    public string? Format { get; init; }
    /// <summary>Free text over subject, description, owner and tags.</summary>
    public string? Text { get; init; }
    /// <summary>How many to skip.</summary>
    public int? Offset { get; init; }
    /// <summary>The page size.</summary>
    public int? Limit { get; init; }
}
