using System.Globalization;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>check &lt;subject&gt; &lt;file&gt;</c>: would this schema be accepted as the subject's next version? Prints the
/// verdict at every level, the violations and the proposed semver; exit code 0 compatible, 1 incompatible.
/// </summary>
/// <param name="environment">The process around the command.</param>
internal sealed class CheckCommand(CliEnvironment environment) : RegistryCommand<CheckCommand.Settings>(environment)
{
    /// <summary>The arguments of <c>check</c>.</summary>
    internal sealed class Settings : SchemaFileSettings;

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        var report = await client.CheckAsync(settings.Subject, new CheckSchemaRequest
        {
            SchemaType = settings.Type.ToUpperInvariant(),
            Schema = await ReadTextAsync(settings.File, token),
            References = settings.ParsedReferences(),
            Normalize = settings.Normalize ? true : null,
        }, token);
        switch (settings.Output)
        {
            case OutputFormat.Json:
                Output.Json(report, CliJson.Pretty.CompatibilityReportDto);
                break;
            case OutputFormat.Plain:
                Output.Fields(report.Compatible ? "compatible" : "incompatible", report.Level, report.ProposedSemver);
                foreach (var (level, verdict) in report.Verdicts) Output.Fields("level", level, verdict ? "compatible" : "incompatible");
                foreach (var v in report.Violations)
                    Output.Fields("violation", v.AgainstVersion.ToString(CultureInfo.InvariantCulture), v.Direction, v.Kind, v.Path, v.Message);
                foreach (var c in report.Changes) Output.Fields("change", c.Impact, c.Kind, c.Path, c.Message);
                break;
            default:
                PrintTable(settings.Subject, report);
                break;
        }
        return report.Compatible ? ExitCodes.Success : ExitCodes.Negative;
    }

    private void PrintTable(string subject, CompatibilityReportDto report)
    {
        var against = report.AgainstVersion is { } v ? $" (latest: version {v})" : "";
        Output.Line(report.AgainstVersion is null
            ? $"{subject} has no versions yet: this schema would be its first (semver {report.ProposedSemver})."
            : report.Compatible
                ? $"Compatible with {subject} at {report.Level}{against}. Proposed semver: {report.ProposedSemver}."
                : $"NOT compatible with {subject} at {report.Level}{against}. Proposed semver: {report.ProposedSemver}.");

        var verdicts = Printer.Table("Level", "Verdict");
        foreach (var (level, verdict) in report.Verdicts)
            Printer.AddRow(verdicts, level + (level == report.Level ? " (subject's level)" : ""), verdict ? "compatible" : "incompatible");
        Output.Render(verdicts);

        if (report.Violations.Count > 0)
        {
            Output.Line($"Violations at {report.Level}:");
            var violations = Printer.Table("Against", "Direction", "Kind", "Path", "Message");
            foreach (var violation in report.Violations)
            {
                Printer.AddRow(violations, $"version {violation.AgainstVersion}", violation.Direction, violation.Kind, violation.Path,
                    violation.Message);
            }
            Output.Render(violations);
        }
        if (report.AgainstVersion is not null)
        {
            Output.Line("Changes from the latest version:");
            Output.Changes(report.Changes, OutputFormat.Table);
        }
    }
}
