using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// What one side says about object members, merged across its keyword occurrences: declared properties, patterns,
/// the catch-all for other names, and required names. For the old (writer) side the catch-all may only be read from
/// <c>unevaluatedProperties</c> when nothing else can evaluate a property (otherwise it is taken as open, which is
/// safe); for the new (reader) side <c>unevaluatedProperties</c> is always taken as the catch-all (safe the other way).
/// </summary>
internal sealed class ObjectShape
{
    private readonly DiffContext _context;
    private readonly ObjectMembers _members;

    public ObjectShape(DiffContext context, EffectiveSchema schema, bool isWriter, EffectiveSchema counterpart)
    {
        _context = context;
        Schema = schema;
        _members = schema.ObjectMembers;
        Others = CatchAll(schema, approximate: isWriter && schema.HasInPlaceApplicators);
        OthersOnBothSides = isWriter && UnevaluatedIsExact(schema, counterpart) ? CatchAll(schema, approximate: false) : Others;
    }

    /// <summary>The schema described.</summary>
    public EffectiveSchema Schema { get; }

    /// <summary>Declared property names, in written order.</summary>
    public List<string> Names => _members.Names;

    /// <summary>Each declared property's subschemas (several when merged from allOf branches).</summary>
    public Dictionary<string, List<SchemaNode>> Properties => _members.Properties;

    /// <summary>patternProperties entries.</summary>
    public List<PatternEntry> Patterns => _members.Patterns;

    /// <summary>Required names, with where each is written.</summary>
    public Dictionary<string, string> Required => _members.Required;

    /// <summary>
    /// The schema for names neither declared nor matched by a pattern. On the writer side, when subschemas applied in
    /// place may evaluate such a name, unevaluatedProperties does not bind it and the slot is taken as open.
    /// </summary>
    public Slot Others { get; }

    /// <summary>
    /// The same, for names undeclared on both sides: when the reader has the very same in-place applicators they
    /// evaluate the same names, so the writer's unevaluatedProperties is exact for the rest.
    /// </summary>
    public Slot OthersOnBothSides { get; }

    /// <summary>True when the side says anything about members at all.</summary>
    public bool IsEmpty => Names.Count == 0 && Patterns.Count == 0 && Required.Count == 0 && Others.Keyword is null;

    /// <summary>The schema governing a member of this name.</summary>
    public Slot Governing(string name)
    {
        Properties.TryGetValue(name, out var declared);
        var nodes = GoverningNodes(name, declared);
        if (nodes is null || nodes.Count == 0) return Others;
        return Slot.Of(Conjunction(nodes), nodes[0].ReportPath, "properties", declared: true);
    }

    /// <summary>Where <see cref="Governing(string)"/> reports a member, without building its schema.</summary>
    public string GoverningPath(string name)
    {
        Properties.TryGetValue(name, out var declared);
        var nodes = GoverningNodes(name, declared);
        return nodes is null || nodes.Count == 0 ? Others.Path : nodes[0].ReportPath;
    }

    /// <summary>
    /// The schema governing a declared member, given its declarations (<see cref="Properties"/>): what
    /// <see cref="Governing(string)"/> holds for it, without the slot around it.
    /// </summary>
    public EffectiveSchema GoverningDeclared(string name, List<SchemaNode> declared) => Conjunction(GoverningNodes(name, declared)!);

    // The declared schemas and those of every matching pattern; without a matching pattern the declared list itself
    // (no copy needed: nothing changes it).
    private List<SchemaNode>? GoverningNodes(string name, List<SchemaNode>? declared)
    {
        List<SchemaNode>? nodes = null;
        foreach (var pattern in Patterns)
        {
            if (!_context.Matches(pattern.Pattern, name)) continue;
            nodes ??= declared is null ? [] : [.. declared];
            nodes.AddRange(pattern.Schemas);
        }
        return nodes ?? declared;
    }

    /// <summary>The schema of a pattern entry.</summary>
    public Slot SlotOf(PatternEntry pattern) => Slot.Of(Conjunction(pattern.Schemas), pattern.Path, "patternProperties", declared: true);

    private EffectiveSchema Conjunction(List<SchemaNode> nodes) =>
        nodes.Count == 1 ? _context.Effective(nodes[0]) : EffectiveSchema.Conjunction(nodes, inPlace: false);

    /// <summary>
    /// True when the writer's unevaluated* keyword can be read exactly for members neither side declares: nothing else
    /// evaluates members, or the reader has the very same in-place applicators (they evaluate the same members on
    /// every instance).
    /// </summary>
    internal static bool UnevaluatedIsExact(EffectiveSchema writer, EffectiveSchema reader) =>
        !writer.HasInPlaceApplicators || writer.InPlaceSignature() == reader.InPlaceSignature();

    private Slot CatchAll(EffectiveSchema schema, bool approximate)
    {
        if (schema.First("additionalProperties") is { } additional)
            return Slot.Of(_context.Effective(additional.Schema()), additional.Path, "additionalProperties", declared: false);
        if (schema.First("unevaluatedProperties") is { } unevaluated && !approximate)
            return Slot.Of(_context.Effective(unevaluated.Schema()), unevaluated.Path, "unevaluatedProperties", declared: false);
        return Slot.Absent(schema.Primary.ReportPath);
    }
}

/// <summary>One patternProperties entry, possibly merged from several schemas.</summary>
internal sealed record PatternEntry(string Pattern, List<SchemaNode> Schemas, string Path);

/// <summary>
/// The member declarations of one effective schema, merged across its keyword occurrences: gathered once per
/// effective schema (<see cref="EffectiveSchema.ObjectMembers"/>) and only read afterwards.
/// </summary>
internal sealed class ObjectMembers
{
    public ObjectMembers(EffectiveSchema schema)
    {
        var declared = schema.All("properties");
        var count = 0;
        foreach (var keyword in declared)
        {
            if (keyword.Value.ValueKind == JsonValueKind.Object) count += keyword.Value.GetPropertyCount();
        }
        Names = new List<string>(count);
        Properties = new Dictionary<string, List<SchemaNode>>(count, StringComparer.Ordinal);
        foreach (var keyword in declared)
        {
            if (keyword.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var member in keyword.Value.EnumerateObject())
            {
                var name = member.Name;
                if (!Properties.TryGetValue(name, out var list))
                {
                    Properties[name] = list = new List<SchemaNode>(1);
                    Names.Add(name);
                }
                list.Add(keyword.Schema(name));
            }
        }
        foreach (var keyword in schema.All("patternProperties"))
        {
            foreach (var pattern in keyword.Names())
            {
                var entry = Patterns.Find(p => p.Pattern == pattern);
                if (entry is null) Patterns.Add(entry = new PatternEntry(pattern, [], JsonPointers.Append(keyword.Path, pattern)));
                entry.Schemas.Add(keyword.Schema(pattern));
            }
        }
        foreach (var keyword in schema.All("required"))
        {
            if (keyword.Value.ValueKind != JsonValueKind.Array) continue;
            var index = 0;
            foreach (var item in keyword.Value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) Required.TryAdd(item.GetString()!, JsonPointers.Append(keyword.Path, index));
                index++;
            }
        }
    }

    /// <summary>Declared property names, in written order.</summary>
    public List<string> Names { get; }

    /// <summary>Each declared property's subschemas (several when merged from allOf branches).</summary>
    public Dictionary<string, List<SchemaNode>> Properties { get; }

    /// <summary>patternProperties entries.</summary>
    public List<PatternEntry> Patterns { get; } = [];

    /// <summary>Required names, with where each is written.</summary>
    public Dictionary<string, string> Required { get; } = new(StringComparer.Ordinal);
}
