using System.ComponentModel;
using System.Globalization;
using SchemaRegistry.Cli.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary>The arguments of a command that sends a schema file: subject, file, format, references, normalize.</summary>
internal abstract class SchemaFileSettings : GlobalSettings
{
    /// <summary>The formats the registry knows.</summary>
    public static readonly IReadOnlyList<string> SchemaTypes = ["JSON", "AVRO", "PROTOBUF"];

    /// <summary>The subject.</summary>
    [CommandArgument(0, "<subject>")]
    [Description("The subject, e.g. orders-value or llm.chat.Response.")]
    public string Subject { get; set; } = "";

    /// <summary>The schema file.</summary>
    [CommandArgument(1, "<file>")]
    [Description("The schema file; - reads standard input.")]
    public string File { get; set; } = "";

    /// <summary>The schema's format.</summary>
    [CommandOption("-t|--type <TYPE>")]
    [Description("JSON (default), AVRO or PROTOBUF.")]
    [DefaultValue("JSON")]
    public string Type { get; set; } = "JSON";

    /// <summary>References as name=subject:version.</summary>
    [CommandOption("-r|--reference <REF>")]
    [Description("A reference as name=subject:version (version an integer or latest). Repeatable.")]
    public string[]? References { get; set; }

    /// <summary>Normalize the schema before it is compared or stored.</summary>
    [CommandOption("--normalize")]
    [Description("Normalize the schema first.")]
    public bool Normalize { get; set; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Subject)) return ValidationResult.Error("The subject must not be empty.");
        if (!SchemaTypes.Contains(Type.ToUpperInvariant()))
            return ValidationResult.Error($"Unknown schema type '{Type}'; use JSON, AVRO or PROTOBUF.");
        foreach (var reference in References ?? [])
        {
            if (!TryParseReference(reference, out _, out var problem)) return ValidationResult.Error(problem);
        }
        return ValidationResult.Success();
    }

    /// <summary>The references as the API wants them, or null when there are none.</summary>
    public List<SchemaReferenceDto>? ParsedReferences() =>
        References is { Length: > 0 } list
            ? [.. list.Select(r => TryParseReference(r, out var parsed, out var problem) ? parsed : throw new UsageException(problem))]
            : null;

    /// <summary>Parses <c>name=subject:version</c>; the subject may itself contain colons (the last one splits).</summary>
    public static bool TryParseReference(string text, out SchemaReferenceDto reference, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = new SchemaReferenceDto("", "", 0);
        problem = $"The reference '{text}' must look like name=subject:version, e.g. address.json=common-address:1.";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) return false;
        var target = text[(equals + 1)..];
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || colon == target.Length - 1) return false;
        var versionText = target[(colon + 1)..];
        int version;
        if (versionText.Equals("latest", StringComparison.OrdinalIgnoreCase)) version = -1;
        else if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1) return false;
        reference = new SchemaReferenceDto(text[..equals], target[..colon], version);
        return true;
    }
}
