using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// record: a JSON object with every field, by name, in any order. Avro's JSON encoding has no defaults (a decoder reads
/// every field), so a missing field is an error; so is a member the record does not have (decoders would drop it
/// silently, which is rarely what the writer meant).
/// </summary>
internal sealed class RecordCheck(string name, string schemaPath) : ValueCheck(schemaPath)
{
    private Field[] _fields = [];

    /// <summary>One field: its UTF-8 name, its check and where it is in the schema.</summary>
    public sealed record Field(string Name, byte[] Utf8Name, ValueCheck Check, string SchemaPath);

    /// <summary>Sets the fields once (after construction: records may recurse).</summary>
    public void SetFields(IEnumerable<(string Name, ValueCheck Check, string SchemaPath)> fields) =>
        _fields = [.. fields.Select(f => new Field(f.Name, Encoding.UTF8.GetBytes(f.Name), f.Check, f.SchemaPath))];

    public override bool Accepts(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object || depth >= MaxDepth) return false;
        foreach (var field in _fields)
        {
            if (!value.TryGetProperty(field.Utf8Name, out var member) || !field.Check.Accepts(member, depth + 1)) return false;
        }
        var members = 0;
        foreach (var _ in value.EnumerateObject()) members++;
        return members == _fields.Length; // every field found once and nothing else
    }

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(errors, instancePath, "type", $"Expected a record {name} (a JSON object), found {Describe(value)}.");
            return;
        }
        if (depth >= MaxDepth)
        {
            Fail(errors, instancePath, "depth", $"The value nests deeper than {MaxDepth} levels.");
            return;
        }
        foreach (var field in _fields)
        {
            if (value.TryGetProperty(field.Utf8Name, out var member))
                field.Check.Collect(member, Pointer.Append(instancePath, field.Name), errors, depth + 1);
            else
                Fail(errors, instancePath, "required field", $"The field {field.Name} of {name} is missing (Avro's JSON encoding writes every field).", field.SchemaPath);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!Array.Exists(_fields, f => f.Name == member.Name))
                Fail(errors, Pointer.Append(instancePath, member.Name), "unknown field", $"{name} has no field {member.Name}.");
            else if (!seen.Add(member.Name))
                Fail(errors, Pointer.Append(instancePath, member.Name), "duplicate field", $"The field {member.Name} appears twice.");
        }
    }
}
