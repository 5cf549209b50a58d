using System.ComponentModel;
using System.Globalization;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>list</c>: lists and searches subjects (their latest live version).</summary>
/// <param name="environment">The process around the command.</param>
internal sealed class ListCommand(CliEnvironment environment) : RegistryCommand<ListCommand.Settings>(environment)
{
    /// <summary>The arguments of <c>list</c>.</summary>
    internal sealed class Settings : GlobalSettings
    {
        /// <summary>Subjects starting with this.</summary>
        [CommandOption("--prefix <PREFIX>")]
        [Description("Only subjects starting with this.")]
        public string? Prefix { get; set; }

        /// <summary>Subjects in this namespace.</summary>
        [CommandOption("--namespace <NAMESPACE>")]
        [Description("Only subjects in this namespace (the part before the last dot; 'default' when none).")]
        public string? Namespace { get; set; }

        /// <summary>Subjects with this tag.</summary>
        [CommandOption("--tag <TAG>")]
        [Description("Only subjects whose latest version has this tag.")]
        public string? Tag { get; set; }

        /// <summary>Subjects in this state.</summary>
        [CommandOption("--state <STATE>")]
        [Description("Only subjects whose latest version is DRAFT, ACTIVE, DEPRECATED or ARCHIVED.")]
        public string? State { get; set; }

        /// <summary>Subjects of this format.</summary>
        [CommandOption("--format <TYPE>")]
        [Description("Only subjects of this format: JSON, AVRO or PROTOBUF.")]
        public string? Format { get; set; }

        /// <summary>Free-text search.</summary>
        [CommandOption("-q|--query <TEXT>")]
        [Description("Free text, matched against subject, description, owner and tags.")]
        public string? Query { get; set; }

        /// <summary>The page size.</summary>
        [CommandOption("--limit <N>")]
        [Description("At most this many subjects (1-1000; the server's default is 100).")]
        public int? Limit { get; set; }

        /// <summary>How many to skip.</summary>
        [CommandOption("--offset <N>")]
        [Description("Skip this many subjects first.")]
        public int? Offset { get; set; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Limit is < 1 ? ValidationResult.Error("--limit must be at least 1.")
            : Offset is < 0 ? ValidationResult.Error("--offset must not be negative.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        var page = await client.ListSubjectsAsync(new SubjectQuery
        {
            Prefix = settings.Prefix,
            Namespace = settings.Namespace,
            Tag = settings.Tag,
            State = settings.State?.ToUpperInvariant(),
            Format = settings.Format?.ToUpperInvariant(),
            Text = settings.Query,
            Limit = settings.Limit,
            Offset = settings.Offset,
        }, token);
        switch (settings.Output)
        {
            case OutputFormat.Json:
                Output.Json(page, CliJson.Pretty.SubjectPage);
                break;
            case OutputFormat.Plain:
                foreach (var s in page.Items) Output.Line(s.Subject);
                break;
            default:
                if (page.Items.Count == 0)
                {
                    Output.Line("No subjects match.");
                    break;
                }
                var table = Printer.Table("Subject", "Version", "Semver", "Id", "Type", "State", "Owner", "Tags", "Description");
                foreach (var s in page.Items)
                {
                    Printer.AddRow(table, s.Subject, s.LatestVersion.ToString(CultureInfo.InvariantCulture), s.Semver,
                        s.Id.ToString(CultureInfo.InvariantCulture), s.SchemaType, s.State, s.Owner,
                        s.Tags is null ? null : string.Join(", ", s.Tags), s.Description);
                }
                Output.Render(table);
                var shown = page.Items.Count;
                Output.Line(shown == page.Limit
                    ? $"{shown} subjects from offset {page.Offset}; more may follow: --offset {page.Offset + shown}."
                    : $"{shown} subject{(shown == 1 ? "" : "s")}.");
                break;
        }
        return ExitCodes.Success;
    }
}
