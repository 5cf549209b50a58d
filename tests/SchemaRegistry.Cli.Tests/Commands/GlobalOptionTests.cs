using System.Net;
using System.Text;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

/// <summary>--url, --api-key and their environment variables, seen on the wire through a recording handler.</summary>
public sealed class GlobalOptionTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"items":[],"offset":0,"limit":100}""", Encoding.UTF8, "application/json"),
            });
        }
    }

    private static async Task<(CliResult Result, HttpRequestMessage Request)> RunAsync(Dictionary<string, string>? variables, params string[] args)
    {
        var recorder = new Recorder();
        var result = await CliRunner.RunAsync(() => new HttpClient(recorder, disposeHandler: false), variables, args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return (result, recorder.Requests.Single());
    }

    [Fact]
    public async Task The_default_url_is_localhost_8081_without_authorization()
    {
        var (_, request) = await RunAsync(null, "list");
        request.RequestUri.ShouldBe(new Uri("http://localhost:8081/api/v1/subjects"));
        request.Headers.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Url_and_api_key_options_reach_the_request()
    {
        var (_, request) = await RunAsync(null, "list", "--url", "https://registry.test:9443/base", "--api-key", "k-123",
            "--prefix", "a b", "--limit", "5");
        request.RequestUri!.AbsoluteUri.ShouldBe("https://registry.test:9443/base/api/v1/subjects?prefix=a%20b&limit=5");
        request.Headers.Authorization!.Scheme.ShouldBe("Bearer");
        request.Headers.Authorization.Parameter.ShouldBe("k-123");
    }

    [Fact]
    public async Task Environment_variables_supply_url_and_key_and_options_win()
    {
        var variables = new Dictionary<string, string> { ["LLM_REGISTRY_URL"] = "http://env-host:1234", ["LLM_REGISTRY_API_KEY"] = "from-env" };
        var (_, fromEnvironment) = await RunAsync(variables, "list");
        fromEnvironment.RequestUri!.GetLeftPart(UriPartial.Authority).ShouldBe("http://env-host:1234");
        fromEnvironment.Headers.Authorization!.Parameter.ShouldBe("from-env");

        var (_, fromOptions) = await RunAsync(variables, "list", "--url", "http://option-host", "--api-key", "from-option");
        fromOptions.RequestUri!.Host.ShouldBe("option-host");
        fromOptions.Headers.Authorization!.Parameter.ShouldBe("from-option");
    }

    [Fact]
    public async Task An_answer_that_is_not_the_registrys_is_reported_readably()
    {
        var handler = new StaticHandler(HttpStatusCode.BadGateway, "<html>upstream down</html>", "text/html");
        var result = await CliRunner.RunAsync(() => new HttpClient(handler), null, "get", "s");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("<html>upstream down</html>");
        result.Error.ShouldContain("HTTP 502");
    }

    private sealed class StaticHandler(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
    }
}
