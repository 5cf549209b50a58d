using System.ComponentModel;
using System.Globalization;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>get &lt;subject&gt; [version]</c> or <c>get --id N</c>: shows a version or a schema.</summary>
/// <param name="environment">The process around the command.</param>
internal sealed class GetCommand(CliEnvironment environment) : RegistryCommand<GetCommand.Settings>(environment)
{
    /// <summary>The arguments of <c>get</c>.</summary>
    internal sealed class Settings : GlobalSettings
    {
        /// <summary>The subject.</summary>
        [CommandArgument(0, "[subject]")]
        [Description("The subject (omit with --id).")]
        public string? Subject { get; set; }

        /// <summary>The version.</summary>
        [CommandArgument(1, "[version]")]
        [Description("An integer version, a semantic version (1.4.0) or latest (default).")]
        public string? Version { get; set; }

        /// <summary>A schema id instead of a subject.</summary>
        [CommandOption("--id <ID>")]
        [Description("Get a schema by its global id instead.")]
        public long? Id { get; set; }

        /// <summary>Print only the schema text.</summary>
        [CommandOption("--schema-only")]
        [Description("Print only the schema text, exactly as registered.")]
        public bool SchemaOnly { get; set; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Id is null && string.IsNullOrWhiteSpace(Subject)) return ValidationResult.Error("Give a subject (and optionally a version), or --id.");
            if (Id is not null && Subject is not null) return ValidationResult.Error("Give either a subject or --id, not both.");
            if (Id is < 1) return ValidationResult.Error("--id must be a positive integer.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        if (settings.Id is { } id)
        {
            var schema = await client.GetSchemaAsync(id, token);
            if (settings.SchemaOnly) Output.Line(schema.Schema);
            else if (settings.Output == OutputFormat.Json) Output.Json(schema, CliJson.Pretty.SchemaByIdDto);
            else
            {
                Output.Properties([
                    ("Schema id", schema.Id.ToString(CultureInfo.InvariantCulture)),
                    ("Type", schema.SchemaType),
                    ("Fingerprint", schema.Fingerprint),
                    ("Used by", string.Join(", ", schema.UsedBy.Select(u => $"{u.Subject} v{u.Version}"))),
                    ("References", References(schema.References)),
                ]);
                Output.Line();
                Output.Line(Printer.Readable(schema.Schema));
            }
            return ExitCodes.Success;
        }

        var version = await client.GetVersionAsync(settings.Subject!, settings.Version ?? "latest", token);
        if (settings.SchemaOnly) Output.Line(version.Schema);
        else if (settings.Output == OutputFormat.Json) Output.Json(version, CliJson.Pretty.VersionDto);
        else
        {
            Output.Properties([
                ("Subject", version.Subject),
                ("Version", version.Version.ToString(CultureInfo.InvariantCulture)),
                ("Semver", version.Semver),
                ("Schema id", version.Id.ToString(CultureInfo.InvariantCulture)),
                ("Type", version.SchemaType),
                ("State", version.State + (version.SunsetAt is { } sunset ? $" (sunset {sunset:yyyy-MM-dd})" : "") + (version.Deleted ? ", soft-deleted" : "")),
                ("Created", version.CreatedAt.ToString("u", CultureInfo.InvariantCulture)),
                ("Description", version.Description),
                ("Owner", version.Owner),
                ("Tags", version.Tags is null ? null : string.Join(", ", version.Tags)),
                ("References", References(version.References)),
                ("Fingerprint", version.Fingerprint),
            ]);
            Output.Line();
            Output.Line(settings.Output == OutputFormat.Plain ? version.Schema : Printer.Readable(version.Schema));
        }
        return ExitCodes.Success;
    }

    private static string? References(List<SchemaReferenceDto>? references) =>
        references is null ? null : string.Join(", ", references.Select(r => $"{r.Name}={r.Subject}:{r.Version}"));
}
