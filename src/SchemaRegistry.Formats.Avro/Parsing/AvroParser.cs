using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Canonical;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Turns schema text and its references into a <see cref="ParsedAvroSchema"/>, or a message that says what is wrong
/// and where. Referenced schemas are read first, dependencies before dependants, into one name table (as Confluent's
/// <c>AvroSchema</c> feeds them to one <c>Schema.Parser</c>); the schema may then name their types.
/// </summary>
internal static class AvroParser
{
    /// <summary>
    /// The deepest JSON nesting accepted: Apache.Avro reads schemas with Newtonsoft's default limit of 64, so a deeper
    /// schema could never reach a .NET consumer. It also bounds the recursion of reading, diffing and validating.
    /// </summary>
    public const int MaxJsonDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxJsonDepth };

    public static SchemaParseResult Parse(SchemaParseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return SchemaParseResult.Ok(ParseChecked(request));
        }
        catch (AvroSchemaException e)
        {
            return SchemaParseResult.Fail(e.Message);
        }
    }

    private static ParsedAvroSchema ParseChecked(SchemaParseRequest request)
    {
        var names = new Dictionary<string, AvroNamed>(StringComparer.Ordinal);
        var references = DependencyOrder(request.References ?? []);
        foreach (var reference in references)
        {
            var label = $"In the reference '{reference.Name}' (subject '{reference.Subject}' version {reference.Version})";
            if (!string.Equals(reference.SchemaType, AvroFormat.Type, StringComparison.OrdinalIgnoreCase))
                throw new AvroSchemaException("", $"{label}: it is a {reference.SchemaType} schema; an Avro schema can only reference Avro schemas.");
            try
            {
                new SchemaReader(names, fromReference: true).ReadDocument(ReadJson(reference.Text));
            }
            catch (AvroSchemaException e)
            {
                throw new AvroSchemaException("", $"{label}: {e.Message}");
            }
        }

        var root = new SchemaReader(names, fromReference: false).ReadDocument(ReadJson(request.Text));
        var text = request.Normalize ? NormalizedWriter.Write(root) : CanonicalWriter.Write(root);
        if (LibraryCheck.Problem(text, [.. references.Select(r => r.Text)]) is { } problem)
            throw new AvroSchemaException("", $"Apache.Avro, the library Confluent's .NET serializers read schemas with, refuses it: {problem}");
        var declared = (request.References ?? []).Select(r => new SchemaReference(r.Name, r.Subject, r.Version)).ToList();
        return new ParsedAvroSchema(text, declared, root);
    }

    private static JsonElement ReadJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new AvroSchemaException("", "The schema is empty.");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e) when (e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new AvroSchemaException("", $"The schema nests deeper than {MaxJsonDepth} JSON levels, the most Apache.Avro (the library Confluent's .NET serializers use) reads: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new AvroSchemaException("", $"The schema is not valid JSON: {e.Message}");
        }
        if (DuplicateKeys.Find(root) is { } duplicate) throw duplicate;
        return root;
    }

    /// <summary>Every reference once (by name), each after the references it depends on.</summary>
    private static List<ResolvedReference> DependencyOrder(IReadOnlyList<ResolvedReference> declared)
    {
        var ordered = new List<ResolvedReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(IReadOnlyList<ResolvedReference> level)
        {
            foreach (var reference in level)
            {
                if (!seen.Add(reference.Name)) continue;
                Visit(reference.References);
                ordered.Add(reference);
            }
        }
        Visit(declared);
        return ordered;
    }
}
