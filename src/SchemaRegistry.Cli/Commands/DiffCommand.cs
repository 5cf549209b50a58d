using System.ComponentModel;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>diff &lt;subject&gt; &lt;from&gt; [to]</c>: the changes between two registered versions and the semver bump.</summary>
/// <param name="environment">The process around the command.</param>
internal sealed class DiffCommand(CliEnvironment environment) : RegistryCommand<DiffCommand.Settings>(environment)
{
    /// <summary>The arguments of <c>diff</c>.</summary>
    internal sealed class Settings : GlobalSettings
    {
        /// <summary>The subject of the older version.</summary>
        [CommandArgument(0, "<subject>")]
        [Description("The subject.")]
        public string Subject { get; set; } = "";

        /// <summary>The older version.</summary>
        [CommandArgument(1, "<from>")]
        [Description("The older version: an integer, a semantic version or latest.")]
        public string From { get; set; } = "";

        /// <summary>The newer version.</summary>
        [CommandArgument(2, "[to]")]
        [Description("The newer version (default: latest).")]
        public string? To { get; set; }

        /// <summary>Another subject for the newer side.</summary>
        [CommandOption("--to-subject <SUBJECT>")]
        [Description("Take the newer version from this subject instead.")]
        public string? ToSubject { get; set; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Subject) || string.IsNullOrWhiteSpace(From)
                ? ValidationResult.Error("Give a subject and the version to diff from.")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        var diff = await client.DiffAsync(settings.Subject, settings.From, settings.To, settings.ToSubject, token);
        switch (settings.Output)
        {
            case OutputFormat.Json:
                Output.Json(diff, CliJson.Pretty.DiffDto);
                break;
            case OutputFormat.Plain:
                Output.Fields("bump", diff.Bump, $"backward={Printer.YesNo(diff.BackwardCompatible)}", $"forward={Printer.YesNo(diff.ForwardCompatible)}");
                Output.Changes(diff.Changes, OutputFormat.Plain);
                break;
            default:
                Output.Line($"{Describe(diff.From)} -> {Describe(diff.To)}");
                Output.Properties([
                    ("Bump", diff.Bump),
                    ("Backward compatible", Printer.YesNo(diff.BackwardCompatible) + " (the newer version reads data written with the older)"),
                    ("Forward compatible", Printer.YesNo(diff.ForwardCompatible) + " (the older version reads data written with the newer)"),
                ]);
                Output.Changes(diff.Changes, OutputFormat.Table);
                break;
        }
        return ExitCodes.Success;
    }

    private static string Describe(VersionRefDto? version) =>
        version is null ? "?" : $"{version.Subject} version {version.Version} ({version.Semver}, schema id {version.Id})";
}
