using Json.Schema;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Parsing;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>Turns JsonSchema.Net's list output into <see cref="ValidationError"/>s with pointers into the schema.</summary>
internal sealed class EvaluationErrors
{
    private readonly SchemaSet _documents;

    public EvaluationErrors(SchemaSet documents) => _documents = documents;

    /// <summary>Every error of a list-format result, each once, in evaluation order.</summary>
    public List<ValidationError> Collect(EvaluationResults results)
    {
        var errors = new List<ValidationError>();
        var seen = new HashSet<(string, string, string)>();
        Add(results, errors, seen);
        if (results.Details is not null)
        {
            foreach (var node in results.Details) Add(node, errors, seen);
        }
        if (errors.Count == 0)
        {
            // Invalid without a message (a failed subschema whose own errors were not kept): still say where.
            errors.Add(new ValidationError("", "", "", "The document does not match the schema."));
        }
        return errors;
    }

    private void Add(EvaluationResults node, List<ValidationError> errors, HashSet<(string, string, string)> seen)
    {
        if (node.Errors is null) return;
        var instancePath = node.InstanceLocation.ToString();
        foreach (var (reported, reportedMessage) in node.Errors)
        {
            var schemaPath = SchemaPathOf(node, reported);
            var (keyword, message) = reported.Length > 0 ? (reported, reportedMessage) : FalseSchema(schemaPath, instancePath, reportedMessage);
            if (seen.Add((instancePath, schemaPath, keyword))) errors.Add(new ValidationError(instancePath, schemaPath, keyword, message));
        }
    }

    /// <summary>
    /// A value refused by a <c>false</c> subschema is reported without a keyword; name the keyword that holds the
    /// <c>false</c> (<c>additionalProperties</c>, <c>items</c>...) so the error says what to fix, as other validators do.
    /// A <c>false</c> under <c>properties</c> (or another named map) is reported as keyword <c>false</c>.
    /// </summary>
    internal static (string Keyword, string Message) FalseSchema(string schemaPath, string instancePath, string message)
    {
        var tokens = schemaPath.Split('/');
        var last = tokens.Length > 1 ? tokens[^1] : "";
        var parent = tokens.Length > 2 ? tokens[^2] : "";
        if (last.Length == 0 || int.TryParse(last, out _) || parent is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies")
            return ("false", message);
        var member = instancePath.Length > 0 ? instancePath[(instancePath.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : "";
        return last is "additionalProperties" or "unevaluatedProperties"
            ? (last, $"Property '{member}' is not allowed ({last} is false).")
            : last is "items" or "additionalItems" or "unevaluatedItems"
                ? (last, $"Item {member} is not allowed ({last} is false).")
                : (last, message);
    }

    /// <summary>
    /// The failing keyword's location in the schema text: the library reports a subschema as its resource URI plus a
    /// pointer from that resource, which the schema's own index maps back to a pointer into the document. For a
    /// keyword that lives in a referenced document the evaluation path (through <c>$ref</c>) is given instead.
    /// </summary>
    private string SchemaPathOf(EvaluationResults node, string keyword)
    {
        var location = node.SchemaLocation;
        var fragment = location.Fragment.Length > 0 ? Uri.UnescapeDataString(location.Fragment[1..]) : "";
        var resource = SchemaWalker.WithoutFragment(location);
        var suffix = keyword.Length == 0 ? "" : "/" + EscapeToken(keyword);
        if (_documents.TryResolve(resource, "#", out var root) && root.Document.IsRoot)
            return root.Pointer + fragment + suffix;
        return node.EvaluationPath + suffix;
    }

    private static string EscapeToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
