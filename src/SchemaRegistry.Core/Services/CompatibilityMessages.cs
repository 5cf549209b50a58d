using System.Globalization;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// Compatibility violations as Confluent words them: one element per violation
/// (<c>{errorType:"...", description:"..."}</c>), then <c>{oldSchemaVersion: N}</c> and <c>{oldSchema: '...'}</c> for
/// the version that failed, then <c>{compatibility: 'LEVEL'}</c>.
/// </summary>
public static class CompatibilityMessages
{
    private const int MaxOldSchemaChars = 10 * 1024;

    /// <summary>The message lines for a failed check; empty for a compatible one.</summary>
    public static IReadOnlyList<string> Describe(CompatibilityLevel level, CompatibilityReport report, IReadOnlyList<StoredVersion> against)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(against);
        if (report.IsCompatible) return [];
        var lines = new List<string>();
        foreach (var group in report.Violations.GroupBy(v => v.AgainstVersion))
        {
            foreach (var violation in group)
            {
                var change = violation.Change;
                lines.Add(change.Kind == CommonChangeKinds.SchemaTypeChanged
                    ? "Incompatible because of different schema type"
                    : $"{{errorType:\"{change.Kind}\", description:\"{Escape(change.Message)} (at '{change.Path}'; {Reading(violation)})\"}}");
            }
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{{oldSchemaVersion: {group.Key}}}"));
            var old = against.FirstOrDefault(v => v.Version == group.Key);
            if (old is not null)
            {
                var text = old.Schema.Text;
                lines.Add(text.Length > MaxOldSchemaChars
                    ? $"{{oldSchema: <truncated> '{text[..MaxOldSchemaChars]}...'}}"
                    : $"{{oldSchema: '{text}'}}");
            }
        }
        lines.Add($"{{compatibility: '{level.ToWire()}'}}");
        return lines;
    }

    private static string Reading(CompatibilityViolation violation) =>
        violation.Direction == CompatibilityDirection.Backward
            ? "the new schema cannot read data written with the old one"
            : "the old schema cannot read data written with the new one";

    private static string Escape(string message) => message.Replace("\"", "'", StringComparison.Ordinal);
}
