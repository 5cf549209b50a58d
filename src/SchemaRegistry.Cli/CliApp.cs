using System.Reflection;
using SchemaRegistry.Cli.Commands;
using SchemaRegistry.Cli.Output;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli;

/// <summary>The <c>llm-registry</c> command line: its commands, and the one entry that runs them.</summary>
internal static class CliApp
{
    /// <summary>
    /// Runs the command line <paramref name="args"/> in <paramref name="environment"/> and returns the exit code:
    /// 0 success, 1 a negative answer (incompatible, invalid documents), 2 usage, file, connection or server errors.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("llm-registry");
            config.SetApplicationVersion(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
            config.ConfigureConsole(environment.Console);
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) => ReportUsageError(environment, exception));

            config.AddCommand<RegisterCommand>("register")
                .WithDescription("Register a schema file as a new version of a subject.")
                .WithExample("register", "orders-value", "orders.schema.json", "--tag", "orders", "--owner", "team-orders")
                .WithExample("register", "llm.chat.Response", "response.avsc", "--type", "AVRO", "--draft");
            config.AddCommand<GetCommand>("get")
                .WithDescription("Show a subject's version (latest by default) or, with --id, a schema.")
                .WithExample("get", "orders-value")
                .WithExample("get", "orders-value", "1.2.0", "--schema-only")
                .WithExample("get", "--id", "7", "--output", "json");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List and search subjects.")
                .WithExample("list", "--namespace", "llm.chat", "--state", "ACTIVE")
                .WithExample("list", "--query", "orders", "--output", "plain");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Check whether a schema file would be accepted as a subject's next version (exit 1 if not).")
                .WithExample("check", "orders-value", "orders.schema.json");
            config.AddCommand<DiffCommand>("diff")
                .WithDescription("Show the changes between two versions and the semver bump they need.")
                .WithExample("diff", "orders-value", "1", "2")
                .WithExample("diff", "orders-value", "latest", "--to-subject", "orders-value-next");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Validate a JSON or NDJSON file against a subject's version or a schema id (exit 1 if any document is invalid).")
                .WithExample("validate", "orders-value", "orders.ndjson")
                .WithExample("validate", "orders-value", "3", "orders.json", "--max-errors", "50")
                .WithExample("validate", "--id", "7", "events.jsonl", "--batch-size", "1000");
        });
        return app.RunAsync(StandardInput.RewriteDash(args), token);
    }

    // Parse and settings errors end here (the commands report their own failures): the message, exit code 2.
    private static int ReportUsageError(CliEnvironment environment, Exception exception)
    {
        if (exception is CommandAppException { Pretty: { } pretty }) environment.ErrorConsole.Write(pretty);
        else ErrorReporter.Report(environment.Error, exception.Message);
        return ExitCodes.Error;
    }
}
