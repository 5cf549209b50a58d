using System.Net;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Hosting;

/// <summary>The server as users run it: a process, its switches, its refusal to open an anonymous registry to the network.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Runs_on_the_given_port_and_data_directory()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/subjects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(server.DataDirectory, "registry.db")).ShouldBeTrue();
        server.KillHard();
        server.DeleteData();
    }

    [Fact]
    public async Task Refuses_to_start_anonymous_on_a_network_address()
    {
        var (exitCode, output) = await ServerProcess.RunToExitAsync(TimeSpan.FromSeconds(60), "--urls", "http://0.0.0.0:0");
        exitCode.ShouldNotBe(0);
        output.ShouldContain("--allow-anonymous");
    }
}
