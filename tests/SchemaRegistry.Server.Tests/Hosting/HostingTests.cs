using System.Net;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Hosting;

/// <summary>Health probes, OpenAPI and docs, command line and the anonymous-access guard.</summary>
public sealed class HostingTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health/startup")]
    public async Task Probes_answer_healthy_with_a_json_body(string path)
    {
        var body = await _client.GetAsync(path).ExpectAsync(HttpStatusCode.OK);
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        if (path != "/health/live") body["checks"]!["store"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_31_documents_the_native_api()
    {
        var doc = await _client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        doc["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/validate/{id}");
        paths.ShouldContain("/api/v1/validate/{id}/batch");
        paths.ShouldContain("/api/v1/schemas");
        paths.ShouldContain("/api/v1/subjects/{subject}/versions/{version}");
        paths.ShouldContain("/api/v1/compatibility/subjects/{subject}");
        paths.ShouldContain("/subjects/{subject}/versions");
    }

    [Fact]
    public async Task Docs_page_is_served()
    {
        using var response = await _client.GetAsync("/docs");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public void Command_line_switches_map_to_settings()
    {
        CommandLine.Normalize(["--data-dir", "/tmp/x", "--allow-anonymous", "--urls", "http://127.0.0.1:9"])
            .ShouldBe(["--Registry:Storage:DataDirectory=/tmp/x", "--Registry:AllowAnonymous=true", "--urls", "http://127.0.0.1:9"]);
        CommandLine.Normalize(["--data-dir=./d"]).ShouldBe(["--Registry:Storage:DataDirectory=./d"]);
    }

    [Theory]
    [InlineData("http://localhost:8081", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:8081", false)]
    [InlineData("http://*:8081", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.1.2.3:8081", false)]
    public void Only_loopback_addresses_are_anonymous_safe(string url, bool loopback) =>
        AnonymousAccessGuard.IsLoopback(url).ShouldBe(loopback);
}
