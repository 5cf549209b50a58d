using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>A <c>patternProperties</c> entry.</summary>
internal sealed record PatternProperty(Regex Regex, SchemaNode Schema, string Suffix);

/// <summary>
/// <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c> and <c>required</c> in one pass over the
/// object: each property name is looked up once, by its UTF-8 bytes, in a table of every name the keywords mention,
/// and <c>required</c> is then a check of which names were seen.
/// </summary>
internal sealed class PropertiesCheck : Check
{
    private readonly Utf8Lookup _names;
    private readonly SchemaNode?[] _schemas;
    private readonly string[] _suffixes;
    private readonly PatternProperty[] _patterns;
    private readonly SchemaNode? _additional;
    private readonly int[] _required;
    private readonly TimeSpan _matchTimeout;

    public PropertiesCheck(SchemaNode node, IReadOnlyList<(string Name, SchemaNode Schema, string Suffix)> properties,
        IReadOnlyList<PatternProperty> patterns, SchemaNode? additional, IReadOnlyList<string>? required, TimeSpan matchTimeout) : base(node)
    {
        var names = properties.Select(p => p.Name).ToList();
        foreach (var name in required ?? [])
        {
            if (!names.Contains(name)) names.Add(name);
        }
        _names = new Utf8Lookup(names);
        _schemas = new SchemaNode?[names.Count];
        _suffixes = new string[names.Count];
        foreach (var (name, schema, suffix) in properties)
        {
            var index = names.IndexOf(name);
            _schemas[index] ??= schema;
            _suffixes[index] ??= suffix;
        }
        _patterns = [.. patterns];
        _additional = additional;
        _required = required is null ? [] : [.. required.Select(name => names.IndexOf(name))];
        _matchTimeout = matchTimeout;
    }

    /// <summary>Every name <c>properties</c> and <c>required</c> mention.</summary>
    public Utf8Lookup Names => _names;

    /// <summary>The subschema of each name in <see cref="Names"/> (null for a name only <c>required</c> mentions).</summary>
    public IReadOnlyList<SchemaNode?> Schemas => _schemas;

    /// <summary>True when there is <c>patternProperties</c>.</summary>
    public bool HasPatterns => _patterns.Length > 0;

    /// <summary><c>additionalProperties</c>, or null.</summary>
    public SchemaNode? Additional => _additional;

    /// <summary>The indexes in <see cref="Names"/> of the required names.</summary>
    public IReadOnlyList<int> Required => _required;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var words = (_names.Count + 63) >> 6;
        ulong few = 0;
        Span<ulong> seen = _required.Length == 0 ? default
            : words == 1 ? new Span<ulong>(ref few)
            : words <= 16 ? stackalloc ulong[16] : new ulong[words];
        if (words > 1) seen.Clear();
        var valid = true;
        var ordinal = 0;
        var patternTimedOut = false;
        var expected = 0;
        foreach (var property in instance.Element.EnumerateObject())
        {
            var index = _names.Find(JsonMarshal.GetRawUtf8PropertyName(property), expected);
            expected = index + 1;
            if (index >= 0 && !seen.IsEmpty) seen[index >> 6] |= 1UL << (index & 63);
            var matched = false;
            if (index >= 0 && _schemas[index] is { } schema)
            {
                matched = true;
                EvaluatedBits.Mark(evaluated, ordinal);
                if (!Descend.Property(schema, property, context, _suffixes[index]))
                {
                    valid = false;
                    if (!context.Collecting) return false;
                }
            }
            if (_patterns.Length > 0)
            {
                var result = EvaluatePatterns(property, context, evaluated, ordinal, ref patternTimedOut);
                matched |= result.Matched;
                if (!result.Valid)
                {
                    valid = false;
                    if (!context.Collecting) return false;
                }
            }
            if (!matched && _additional is not null)
            {
                EvaluatedBits.Mark(evaluated, ordinal);
                if (!Descend.Property(_additional, property, context, "/additionalProperties"))
                {
                    valid = false;
                    if (!context.Collecting) return false;
                }
            }
            ordinal++;
        }
        foreach (var required in _required)
        {
            if ((seen[required >> 6] & (1UL << (required & 63))) != 0) continue;
            valid = false;
            if (!context.Collecting) return false;
            var missing = new List<string>();
            foreach (var r in _required)
            {
                if ((seen[r >> 6] & (1UL << (r & 63))) == 0) missing.Add(_names.Names[r]);
            }
            context.Report(Node, "required", Messages.Required(missing));
            break;
        }
        return valid;
    }

    private (bool Matched, bool Valid) EvaluatePatterns(JsonProperty property, EvaluationContext context, Span<ulong> evaluated, int ordinal, ref bool timedOutReported)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        char[]? rented = null;
        Span<char> buffer = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var name = buffer[..JsonText.Decode(raw, buffer)];
        var matched = false;
        var valid = true;
        foreach (var pattern in _patterns)
        {
            bool isMatch;
            try
            {
                if (RegexBudget.HasTimedOut(pattern.Regex)) throw new RegexMatchTimeoutException();
                isMatch = pattern.Regex.IsMatch(name);
            }
            catch (RegexMatchTimeoutException)
            {
                // As on the library path: a name the regex cannot decide in time fails the keyword, and the regex is
                // not run again during this call.
                if (!RegexBudget.HasTimedOut(pattern.Regex)) RegexBudget.MarkTimedOut(pattern.Regex);
                valid = false;
                if (context.Collecting && !timedOutReported)
                {
                    timedOutReported = true;
                    context.Report(Node, "patternProperties", RegexBudget.TimeoutMessage("A property name", pattern.Regex.ToString(), _matchTimeout));
                }
                continue;
            }
            if (!isMatch) continue;
            matched = true;
            EvaluatedBits.Mark(evaluated, ordinal);
            if (!Descend.Property(pattern.Schema, property, context, pattern.Suffix))
            {
                valid = false;
                if (!context.Collecting) break;
            }
        }
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return (matched, valid);
    }
}

/// <summary><c>propertyNames</c>: every property name, as a string, holds against the subschema.</summary>
internal sealed class PropertyNamesCheck(SchemaNode node, SchemaNode names) : Check(node)
{
    /// <summary>The subschema every name holds against.</summary>
    public SchemaNode Schema => names;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var valid = true;
        foreach (var property in instance.Element.EnumerateObject())
        {
            if (Descend.Name(names, property, context, "/propertyNames")) continue;
            valid = false;
            if (!context.Collecting) return false;
        }
        return valid;
    }
}

/// <summary><c>minProperties</c>/<c>maxProperties</c>.</summary>
internal sealed class PropertyCountCheck(SchemaNode node, long? minimum, long? maximum) : Check(node)
{
    /// <summary><c>minProperties</c>.</summary>
    public long? Minimum => minimum;

    /// <summary><c>maxProperties</c>.</summary>
    public long? Maximum => maximum;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var count = instance.Element.GetPropertyCount();
        var valid = true;
        if (count < minimum)
        {
            valid = false;
            if (!context.Collecting) return false;
            context.Report(Node, "minProperties", Messages.Count(Json.Schema.ErrorMessages.GetMinProperties(null), minimum.Value, count));
        }
        if (count > maximum)
        {
            valid = false;
            if (context.Collecting) context.Report(Node, "maxProperties", Messages.Count(Json.Schema.ErrorMessages.GetMaxProperties(null), maximum.Value, count));
        }
        return valid;
    }
}

/// <summary>
/// <c>dependentRequired</c> (2019-09 on) and the name-list form of draft-7 <c>dependencies</c>: when a property is
/// present, others must be too.
/// </summary>
internal sealed class DependentRequiredCheck(SchemaNode node, string keyword, IReadOnlyList<(byte[] Key, byte[][] Required, string[] Names)> dependencies) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var element = instance.Element;
        List<string>? missing = null;
        foreach (var (key, required, names) in dependencies)
        {
            if (!element.TryGetProperty(key, out _)) continue;
            for (var i = 0; i < required.Length; i++)
            {
                if (element.TryGetProperty(required[i], out _)) continue;
                if (!context.Collecting) return false;
                missing ??= [];
                if (!missing.Contains(names[i])) missing.Add(names[i]);
            }
        }
        if (missing is null) return true;
        context.Report(Node, keyword, Messages.DependentRequired(missing));
        return false;
    }
}

/// <summary>
/// <c>dependentSchemas</c> and the schema form of draft-7 <c>dependencies</c>: when a property is present, the whole
/// object holds against its subschema.
/// </summary>
internal sealed class DependentSchemasCheck(SchemaNode node, IReadOnlyList<(string Name, SchemaNode Schema, string Suffix)> dependencies) : Check(node)
{
    private readonly Utf8Lookup _keys = new(dependencies.Select(d => d.Name));

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var valid = true;
        foreach (var property in instance.Element.EnumerateObject())
        {
            var index = _keys.Find(JsonMarshal.GetRawUtf8PropertyName(property));
            if (index < 0) continue;
            var (_, schema, suffix) = dependencies[index];
            if (Descend.InPlace(schema, instance, context, evaluated, suffix)) continue;
            valid = false;
            if (!context.Collecting) return false;
        }
        return valid;
    }
}

/// <summary><c>unevaluatedProperties</c>: the properties no sibling keyword (nor a valid in-place subschema) evaluated.</summary>
internal sealed class UnevaluatedPropertiesCheck(SchemaNode node, SchemaNode schema) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.Object) return true;
        var valid = true;
        var ordinal = 0;
        foreach (var property in instance.Element.EnumerateObject())
        {
            if (!EvaluatedBits.IsMarked(evaluated, ordinal) && !Descend.Property(schema, property, context, "/unevaluatedProperties"))
            {
                valid = false;
                if (!context.Collecting) return false;
            }
            ordinal++;
        }
        return valid;
    }
}
