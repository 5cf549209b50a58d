using System.Text.Json.Nodes;

namespace SchemaRegistry.Cli.Tests.Support;

/// <summary>What a run of the command line produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as JSON (for <c>--output json</c>).</summary>
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("null JSON");

    /// <summary>Standard output split into lines, without the trailing empty one.</summary>
    public string[] Lines => Out.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the CLI's real entry (parsing, commands, output) with writers instead of the console.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(Func<HttpClient>? http, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunWithInputAsync(http, variables, null, args);

    public static async Task<CliResult> RunWithInputAsync(Func<HttpClient>? http, IReadOnlyDictionary<string, string>? variables, string? standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Func<Stream>? input = standardInput is null ? null : () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput));
        var environment = CliEnvironment.ForWriters(output, error, http, variables, input);
        var code = await CliApp.RunAsync(args, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>One registry shared by the end-to-end tests, plus a scratch folder for their files.</summary>
public sealed class RegistryFixture : IDisposable
{
    public RegistryFixture()
    {
        Server = new RegistryServer();
        Server.CreateClient().Dispose(); // start it now, not inside the first test's timing
        Directory.CreateDirectory(Scratch);
    }

    public RegistryServer Server { get; }

    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "registry-cli-files", Guid.NewGuid().ToString("N"));

    /// <summary>Runs the CLI against the in-process registry (the default --url; the test server answers any host).</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Server.CreateClient, null, args);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> as its standard input.</summary>
    public Task<CliResult> RunWithInputAsync(string standardInput, params string[] args) => CliRunner.RunWithInputAsync(Server.CreateClient, null, standardInput, args);

    /// <summary>Writes a file in the scratch folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Scratch, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A subject name no other test uses.</summary>
    public static string Subject(string prefix = "cli") => $"{prefix}-{Guid.NewGuid():N}";

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(Scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}

/// <summary>Schemas the tests register.</summary>
public static class Schemas
{
    // Closed content models: adding an optional property to a closed model is a compatible change (data valid under
    // the old schema has no such property), whereas adding one to an open model is breaking (Confluent's rule).

    /// <summary>A person: name (string, required), age (integer >= 0), nothing else.</summary>
    public const string Person = """
        {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},"required":["name"],"additionalProperties":false}
        """;

    /// <summary>Person plus an optional email: a compatible (minor) change.</summary>
    public const string PersonWithEmail = """
        {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0},"email":{"type":"string"}},"required":["name"],"additionalProperties":false}
        """;

    /// <summary>Person with a new required email: breaks BACKWARD (major).</summary>
    public const string PersonRequiringEmail = """
        {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0},"email":{"type":"string"}},"required":["name","email"],"additionalProperties":false}
        """;
}
