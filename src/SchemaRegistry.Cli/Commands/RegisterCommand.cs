using System.ComponentModel;
using System.Globalization;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>register &lt;subject&gt; &lt;file&gt;</c>: registers a schema file as a new version of a subject.</summary>
/// <param name="environment">The process around the command.</param>
internal sealed class RegisterCommand(CliEnvironment environment) : RegistryCommand<RegisterCommand.Settings>(environment)
{
    /// <summary>The arguments of <c>register</c>.</summary>
    internal sealed class Settings : SchemaFileSettings
    {
        /// <summary>An explicit semantic version.</summary>
        [CommandOption("--semver <SEMVER>")]
        [Description("An explicit semantic version (e.g. 1.4.0); it must agree with the diff. Default: proposed from the diff.")]
        public string? Semver { get; set; }

        /// <summary>What the schema is for.</summary>
        [CommandOption("--description <TEXT>")]
        [Description("What the schema is for.")]
        public string? Description { get; set; }

        /// <summary>The owning team or person.</summary>
        [CommandOption("--owner <OWNER>")]
        [Description("The owning team or person.")]
        public string? Owner { get; set; }

        /// <summary>Tags.</summary>
        [CommandOption("--tag <TAG>")]
        [Description("A tag for search. Repeatable.")]
        public string[]? Tags { get; set; }

        /// <summary>Register as DRAFT.</summary>
        [CommandOption("--draft")]
        [Description("Register the version as DRAFT instead of ACTIVE.")]
        public bool Draft { get; set; }
    }

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        var request = new RegisterSchemaRequest
        {
            Subject = settings.Subject,
            SchemaType = settings.Type.ToUpperInvariant(),
            Schema = await ReadTextAsync(settings.File, token),
            References = settings.ParsedReferences(),
            Semver = settings.Semver,
            State = settings.Draft ? "DRAFT" : null,
            Description = settings.Description,
            Owner = settings.Owner,
            Tags = settings.Tags is { Length: > 0 } tags ? [.. tags] : null,
            Normalize = settings.Normalize ? true : null,
        };
        var answer = await client.RegisterAsync(request, token);
        switch (settings.Output)
        {
            case OutputFormat.Json:
                Output.Json(answer, CliJson.Pretty.RegisterSchemaResponse);
                break;
            case OutputFormat.Plain:
                Output.Fields(answer.Id.ToString(CultureInfo.InvariantCulture), answer.Version.ToString(CultureInfo.InvariantCulture),
                    answer.Semver, answer.Created ? "created" : "existing");
                Output.Changes(answer.Changes, OutputFormat.Plain);
                break;
            default:
                Output.Line(answer.Created
                    ? $"Registered {answer.Subject} version {answer.Version} (semver {answer.Semver}, schema id {answer.Id})."
                    : $"{answer.Subject} already has this schema as version {answer.Version} (semver {answer.Semver}, schema id {answer.Id}); nothing registered.");
                if (answer.Created && answer.Version > 1)
                {
                    Output.Line("Changes from the previous version:");
                    Output.Changes(answer.Changes, OutputFormat.Table);
                }
                break;
        }
        return ExitCodes.Success;
    }
}
