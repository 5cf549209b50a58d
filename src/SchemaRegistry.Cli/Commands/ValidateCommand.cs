using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using SchemaRegistry.Cli.Documents;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Cli.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>validate &lt;subject&gt; [version] &lt;file&gt;</c> or <c>validate --id N &lt;file&gt;</c>: streams a JSON or NDJSON
/// file through the registry's batch validation and prints a summary. Exit code 0 when every document is valid,
/// 1 when some are not (or are not JSON), 2 when the run could not be done.
/// </summary>
/// <param name="environment">The process around the command.</param>
internal sealed class ValidateCommand(CliEnvironment environment) : RegistryCommand<ValidateCommand.Settings>(environment)
{
    /// <summary>Files at least this large get a progress bar (when standard output is a terminal).</summary>
    public const long ProgressThresholdBytes = 8 * 1024 * 1024;

    /// <summary>When to draw a progress bar.</summary>
    internal enum ProgressMode
    {
        /// <summary>For a large file when standard output is a terminal.</summary>
        Auto,

        /// <summary>Whenever the file's size is known.</summary>
        Always,

        /// <summary>Never.</summary>
        Never,
    }

    /// <summary>The arguments of <c>validate</c>.</summary>
    internal sealed class Settings : GlobalSettings
    {
        /// <summary>SUBJECT [VERSION] FILE, or FILE with --id.</summary>
        [CommandArgument(0, "<arguments>")]
        [Description("SUBJECT, an optional VERSION, and FILE; or just FILE with --id. VERSION: an integer, a semver or latest (default). FILE: .json (one document or an array of them), .ndjson or .jsonl (one per line); - reads NDJSON from standard input.")]
        public string[] Arguments { get; set; } = [];

        /// <summary>A schema id instead of a subject.</summary>
        [CommandOption("--id <ID>")]
        [Description("Validate against this schema id instead of a subject's version.")]
        public long? Id { get; set; }

        /// <summary>Documents per request.</summary>
        [CommandOption("--batch-size <N>")]
        [Description("Documents per request (1-100000).")]
        [DefaultValue(500)]
        public int BatchSize { get; set; } = 500;

        /// <summary>How many errors to print.</summary>
        [CommandOption("--max-errors <N>")]
        [Description("How many errors the summary lists (the counts are always complete).")]
        [DefaultValue(20)]
        public int MaxErrors { get; set; } = 20;

        /// <summary>The file's format.</summary>
        [CommandOption("--input-format <FORMAT>")]
        [Description("auto (by extension), json or ndjson.")]
        [DefaultValue(InputFormat.Auto)]
        public InputFormat InputFormat { get; set; } = InputFormat.Auto;

        /// <summary>When to draw a progress bar.</summary>
        [CommandOption("--progress <WHEN>")]
        [Description("auto (a file over 8 MiB, on a terminal), always or never.")]
        [DefaultValue(ProgressMode.Auto)]
        public ProgressMode Progress { get; set; } = ProgressMode.Auto;

        /// <summary>The subject, when the schema is named by subject.</summary>
        public string? Subject => Id is null ? Arguments[0] : null;

        /// <summary>The version, when given.</summary>
        public string? Version => Id is null && Arguments.Length == 3 ? Arguments[1] : null;

        /// <summary>The data file.</summary>
        public string File => Arguments[^1];

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Id is not null)
            {
                if (Id < 1) return ValidationResult.Error("--id must be a positive integer.");
                if (Arguments.Length != 1) return ValidationResult.Error("With --id, give only the data file.");
            }
            else if (Arguments.Length is < 2 or > 3)
            {
                return ValidationResult.Error("Give a subject, an optional version and the data file; or --id N and the data file.");
            }
            if (BatchSize is < 1 or > 100_000) return ValidationResult.Error("--batch-size must be between 1 and 100000.");
            if (MaxErrors < 0) return ValidationResult.Error("--max-errors must not be negative.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override async Task<int> RunAsync(RegistryClient client, Settings settings, CancellationToken token)
    {
        var file = settings.File;
        var format = InputFormats.Resolve(file, settings.InputFormat)
            ?? throw new UsageException($"Cannot tell from its extension whether {file} is JSON or NDJSON; add --input-format json or --input-format ndjson.");
        var fromStandardInput = StandardInput.Is(file);
        if (!fromStandardInput && !System.IO.File.Exists(file)) throw new UsageException($"No such file: {file}");

        var report = new ValidationReport { File = fromStandardInput ? "-" : file, Format = format == InputFormat.Json ? "json" : "ndjson" };
        if (settings.Id is { } id)
        {
            report.SchemaId = (await client.GetSchemaAsync(id, token)).Id;
        }
        else
        {
            var version = await client.GetVersionAsync(settings.Subject!, settings.Version ?? "latest", token);
            (report.Subject, report.Version, report.SchemaId) = (version.Subject, version.Version, version.Id);
        }

        await using var stream = fromStandardInput
            ? Environment.OpenStandardInput()
            : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        long? length = stream.CanSeek ? stream.Length : null;
        var parser = InputFormats.CreateParser(format);
        var reader = new DocumentReader(stream, parser);
        var tally = new ValidationTally(settings.MaxErrors);
        var batches = new BatchBuilder(settings.BatchSize, tally);

        var clock = Stopwatch.StartNew();
        if (length is { } size && ShowProgress(settings.Progress, size))
        {
            await Environment.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Path.GetFileName(file), maxValue: Math.Max(size, 1));
                    void Show(long bytes)
                    {
                        task.Value = bytes;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {tally.Total:N0} documents");
                    }
                    await ValidationRun.RunAsync(client, report.SchemaId, reader, batches, tally, Show, token);
                    Show(Math.Max(size, 1)); // the last batch's verdicts arrive after the last read
                });
        }
        else
        {
            await ValidationRun.RunAsync(client, report.SchemaId, reader, batches, tally, null, token);
        }
        clock.Stop();

        report.Total = tally.Total;
        report.Valid = tally.Valid;
        report.Invalid = tally.Invalid;
        report.Bytes = reader.BytesRead;
        report.ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        report.DocumentsPerSecond = clock.Elapsed.TotalSeconds > 0 ? Math.Round(tally.Total / clock.Elapsed.TotalSeconds) : 0;
        report.StoppedEarly = parser.StopReason;
        report.Errors = [.. tally.Errors.Select(ReportedError.From)];
        Print(report, settings, parser is JsonFileParser { IsSingleDocument: true });
        return tally.Invalid > 0 ? ExitCodes.Negative : ExitCodes.Success;
    }

    private bool ShowProgress(ProgressMode mode, long size) => mode switch
    {
        ProgressMode.Always => true,
        ProgressMode.Never => false,
        _ => Environment.OutputIsTerminal && size >= ProgressThresholdBytes,
    };

    private void Print(ValidationReport report, Settings settings, bool singleDocument)
    {
        var c = CultureInfo.InvariantCulture;
        switch (settings.Output)
        {
            case OutputFormat.Json:
                Output.Json(report, CliJson.Pretty.ValidationReport);
                return;
            case OutputFormat.Plain:
                Output.Fields("total", report.Total.ToString(c));
                Output.Fields("valid", report.Valid.ToString(c));
                Output.Fields("invalid", report.Invalid.ToString(c));
                Output.Fields("seconds", report.ElapsedSeconds.ToString("0.###", c));
                Output.Fields("documents_per_second", report.DocumentsPerSecond.ToString("0", c));
                if (report.StoppedEarly is not null) Output.Fields("stopped", report.StoppedEarly);
                foreach (var e in report.Errors)
                    Output.Fields("error", e.Line.ToString(c), e.Index.ToString(c), e.InstancePath, e.Keyword, e.Message);
                return;
        }

        var target = report.Subject is null
            ? $"schema id {report.SchemaId}"
            : $"{report.Subject} version {report.Version} (schema id {report.SchemaId})";
        Output.Line(string.Create(c, $"Validated {(report.File == "-" ? "standard input" : report.File)} against {target} in {report.ElapsedSeconds:0.###} s."));
        Output.Properties([
            ("Total", report.Total.ToString("N0", c)),
            ("Valid", report.Valid.ToString("N0", c)),
            ("Invalid", report.Invalid.ToString("N0", c)),
            ("Documents/s", report.DocumentsPerSecond.ToString("N0", c)),
        ]);
        if (report.StoppedEarly is not null)
            Output.Line($"Reading stopped before the end of the file: {report.StoppedEarly}");
        if (report.Errors.Count == 0) return;

        Output.Line(report.Errors.Count == settings.MaxErrors ? $"First {report.Errors.Count} errors (--max-errors):" : "Errors:");
        var table = Printer.Table(report.Format == "ndjson" ? "Line" : "Where", "Instance path", "Keyword", "Message");
        foreach (var e in report.Errors)
        {
            var where = report.Format == "ndjson" ? e.Line.ToString(c)
                : singleDocument ? "document"
                : string.Create(c, $"[{e.Index}] line {e.Line}");
            Printer.AddRow(table, where, e.InstancePath, e.Keyword, e.Message);
        }
        Output.Render(table);
    }
}
