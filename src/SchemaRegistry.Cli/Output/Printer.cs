using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SchemaRegistry.Cli.Http;
using Spectre.Console;

namespace SchemaRegistry.Cli.Output;

/// <summary>
/// Writes answers. Text that must come out verbatim (schemas, JSON, plain lines) goes straight to the output writer,
/// never through Spectre's wrapping; tables go through the Spectre console.
/// </summary>
/// <param name="environment">Where to write.</param>
internal sealed class Printer(CliEnvironment environment)
{
    private static readonly JsonWriterOptions IndentedWriter = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a line verbatim.</summary>
    public void Line(string text = "") => environment.Out.WriteLine(text);

    /// <summary>Writes tab-separated fields as one line.</summary>
    public void Fields(params string?[] fields) => environment.Out.WriteLine(string.Join('\t', fields.Select(f => f ?? "")));

    /// <summary>Writes a value as indented JSON.</summary>
    public void Json<T>(T value, JsonTypeInfo<T> type) => environment.Out.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>Writes a table (or anything Spectre renders).</summary>
    public void Render(Spectre.Console.Rendering.IRenderable renderable) => environment.Console.Write(renderable);

    /// <summary>Writes "Name  value" lines, names aligned; empty values are left out.</summary>
    public void Properties(IEnumerable<(string Name, string? Value)> properties)
    {
        var shown = properties.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        var width = shown.Count == 0 ? 0 : shown.Max(p => p.Name.Length);
        foreach (var (name, value) in shown) environment.Out.WriteLine($"{(name + ":").PadRight(width + 1)} {value}");
    }

    /// <summary>A table with the given column headers, cells added as plain text.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }

    /// <summary>Adds a row of plain-text cells (no markup is interpreted).</summary>
    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")).ToArray());

    /// <summary>Prints a diff's changes in the given format (nothing for JSON: the caller prints the whole answer).</summary>
    public void Changes(IReadOnlyList<ChangeDto> changes, OutputFormat format, string emptyText = "No changes.")
    {
        if (format == OutputFormat.Plain)
        {
            foreach (var c in changes) Fields(c.Impact, c.Kind, c.Path, c.Message);
            return;
        }
        if (changes.Count == 0)
        {
            Line(emptyText);
            return;
        }
        var table = Table("Impact", "Kind", "Path", "Message");
        foreach (var c in changes) AddRow(table, c.Impact, c.Kind, c.Path, c.Message);
        Render(table);
    }

    /// <summary>A schema for reading: JSON indented, anything else as it is.</summary>
    public static string Readable(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            using var document = JsonDocument.Parse(schema);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, IndentedWriter)) document.WriteTo(writer);
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (JsonException)
        {
            return schema; // Avro IDL, Protobuf: shown as registered.
        }
    }

    /// <summary>yes / no.</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";
}
