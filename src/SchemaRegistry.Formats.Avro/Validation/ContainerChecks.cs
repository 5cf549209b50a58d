using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>array: a JSON array whose every item is valid.</summary>
internal sealed class ArrayCheck(string schemaPath) : ValueCheck(schemaPath)
{
    /// <summary>The item check (set after construction: types may recurse).</summary>
    public ValueCheck Items { get; set; } = null!;

    public override bool Accepts(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array || depth >= MaxDepth) return false;
        foreach (var item in value.EnumerateArray())
        {
            if (!Items.Accepts(item, depth + 1)) return false;
        }
        return true;
    }

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(errors, instancePath, "type", $"Expected an array, found {Describe(value)}.");
            return;
        }
        if (depth >= MaxDepth)
        {
            Fail(errors, instancePath, "depth", $"The value nests deeper than {MaxDepth} levels.");
            return;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Items.Collect(item, Pointer.Append(instancePath, index++), errors, depth + 1);
        }
    }
}

/// <summary>map: a JSON object whose every value is valid (keys are strings by construction).</summary>
internal sealed class MapCheck(string schemaPath) : ValueCheck(schemaPath)
{
    /// <summary>The value check (set after construction: types may recurse).</summary>
    public ValueCheck Values { get; set; } = null!;

    public override bool Accepts(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object || depth >= MaxDepth) return false;
        foreach (var member in value.EnumerateObject())
        {
            if (!Values.Accepts(member.Value, depth + 1)) return false;
        }
        return true;
    }

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(errors, instancePath, "type", $"Expected a map (a JSON object), found {Describe(value)}.");
            return;
        }
        if (depth >= MaxDepth)
        {
            Fail(errors, instancePath, "depth", $"The value nests deeper than {MaxDepth} levels.");
            return;
        }
        foreach (var member in value.EnumerateObject())
        {
            Values.Collect(member.Value, Pointer.Append(instancePath, member.Name), errors, depth + 1);
        }
    }
}
