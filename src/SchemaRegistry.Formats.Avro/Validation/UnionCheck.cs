using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// union: <c>null</c> for the null branch, otherwise a one-member object naming the branch, <c>{"string": "x"}</c>,
/// by its type name (<c>int</c>, <c>array</c>, <c>map</c>...) or, for a record, enum or fixed, its full name
/// (<c>{"com.acme.User": {...}}</c>), as Avro's JSON encoders write and decoders require.
/// </summary>
internal sealed class UnionCheck(string schemaPath) : ValueCheck(schemaPath)
{
    private Branch[] _branches = [];
    private bool _hasNull;

    /// <summary>One branch: its name in the encoding and its check.</summary>
    public sealed record Branch(string Name, byte[] Utf8Name, ValueCheck Check);

    /// <summary>Sets the branches once (after construction: types may recurse).</summary>
    public void SetBranches(IEnumerable<(string Name, ValueCheck Check)> branches)
    {
        var all = branches.ToList();
        _hasNull = all.Exists(b => b.Name == "null");
        _branches = [.. all.Where(b => b.Name != "null").Select(b => new Branch(b.Name, Encoding.UTF8.GetBytes(b.Name), b.Check))];
    }

    public override bool Accepts(JsonElement value, int depth)
    {
        if (value.ValueKind == JsonValueKind.Null) return _hasNull;
        return TrySelect(value, out var branch, out var inner) && depth < MaxDepth && branch.Check.Accepts(inner, depth + 1);
    }

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!_hasNull) Fail(errors, instancePath, "union", $"null is not a branch of this union; expected one of {Names()}.");
            return;
        }
        if (!TrySelect(value, out var branch, out var inner))
        {
            Fail(errors, instancePath, "union",
                $"A union value is null or an object with one member naming its branch, such as {{\"{_branches.FirstOrDefault()?.Name ?? "null"}\": ...}}; expected one of {Names()}, found {Describe(value)}"
                + (value.ValueKind == JsonValueKind.Object ? $" with members {string.Join(", ", value.EnumerateObject().Select(m => m.Name).Take(5))}." : "."));
            return;
        }
        if (depth >= MaxDepth)
        {
            Fail(errors, instancePath, "depth", $"The value nests deeper than {MaxDepth} levels.");
            return;
        }
        branch.Check.Collect(inner, Pointer.Append(instancePath, branch.Name), errors, depth + 1);
    }

    private bool TrySelect(JsonElement value, out Branch branch, out JsonElement inner)
    {
        branch = null!;
        inner = default;
        if (value.ValueKind != JsonValueKind.Object) return false;
        var count = 0;
        foreach (var member in value.EnumerateObject())
        {
            if (++count > 1) return false;
            foreach (var candidate in _branches)
            {
                if (!member.NameEquals(candidate.Utf8Name)) continue;
                branch = candidate;
                inner = member.Value;
            }
        }
        return count == 1 && branch is not null;
    }

    private string Names() => "[" + string.Join(", ", (_hasNull ? ["null"] : Array.Empty<string>()).Concat(_branches.Select(b => b.Name))) + "]";
}
