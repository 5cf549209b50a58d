using System.Net;
using System.Net.Sockets;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

[Collection(RegistryCollection.Name)]
public sealed class ErrorTests(RegistryFixture registry)
{
    [Fact]
    public async Task An_unknown_subject_is_exit_2_with_the_servers_message()
    {
        var subject = RegistryFixture.Subject("missing");
        var result = await registry.RunAsync("get", subject);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain(subject);
        result.Error.ShouldContain("not found");
        result.Error.ShouldContain("(HTTP 404, error code 40401)");

        var validate = await registry.RunAsync("validate", subject, registry.WriteFile("d.ndjson", "{}"));
        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Error.ShouldContain("40401");
    }

    [Fact]
    public async Task An_unknown_version_and_an_unknown_id_are_exit_2()
    {
        var subject = RegistryFixture.Subject();
        await registry.RunAsync("register", subject, registry.WriteFile("p.json", Schemas.Person));
        var version = await registry.RunAsync("get", subject, "7");
        version.ExitCode.ShouldBe(2);
        version.Error.ShouldContain("40402");
        var id = await registry.RunAsync("validate", "--id", "987654321", registry.WriteFile("d.ndjson", "{}"));
        id.ExitCode.ShouldBe(2);
        id.Error.ShouldContain("40403");
    }

    [Fact]
    public async Task An_invalid_schema_is_refused_with_the_reason()
    {
        var result = await registry.RunAsync("register", RegistryFixture.Subject(), registry.WriteFile("bad.json", """{"type":"strin"}"""));
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("error code 42201");
    }

    [Fact]
    public async Task A_breaking_registration_lists_every_violation()
    {
        var subject = RegistryFixture.Subject();
        await registry.RunAsync("register", subject, registry.WriteFile("p.json", Schemas.Person));
        var result = await registry.RunAsync("register", subject, registry.WriteFile("b.json", Schemas.PersonRequiringEmail));
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("HTTP 409");
        result.Error.ShouldContain("  - "); // the problem's errors[], one per line
    }

    [Fact]
    public async Task A_refused_connection_is_exit_2_naming_the_url()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";
        // The real HTTP stack (no injected client): nothing listens there.
        var result = await CliRunner.RunAsync(null, null, "list", "--url", url);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain($"Could not reach the registry at {url}/api/v1/subjects");
        result.Error.ShouldContain("refused", Case.Insensitive);
    }

    [Fact]
    public async Task Usage_errors_are_exit_2()
    {
        var unknownOption = await registry.RunAsync("get", "x", "--bogus");
        unknownOption.ExitCode.ShouldBe(2);
        unknownOption.Error.ShouldContain("Unknown option");

        var badUrl = await registry.RunAsync("list", "--url", "ftp://example");
        badUrl.ExitCode.ShouldBe(2);
        badUrl.Error.ShouldContain("ftp://example");

        (await registry.RunAsync("validate", "only-a-subject")).ExitCode.ShouldBe(2);
        (await registry.RunAsync("validate", "--id", "1", "a", "b.ndjson")).ExitCode.ShouldBe(2);
        (await registry.RunAsync("get", "x", "--id", "3")).ExitCode.ShouldBe(2);
        (await registry.RunAsync("register", "x", "f.json", "--type", "XML")).Error.ShouldContain("Unknown schema type 'XML'");
        (await registry.RunAsync("register", "x", "f.json", "--reference", "nonsense")).Error.ShouldContain("name=subject:version");
        (await registry.RunAsync("list", "--output", "xml")).ExitCode.ShouldBe(2);
        var missing = await registry.RunAsync("register", "x", Path.Combine(registry.Scratch, "none.json"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("No such file");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
