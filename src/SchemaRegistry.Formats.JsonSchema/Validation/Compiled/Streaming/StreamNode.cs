using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

/// <summary>
/// One subschema as the token-stream path sees it: the compiled node's checks regrouped by the kind of value they
/// constrain, so a value is decided as its tokens go by. Built by <see cref="StreamCompiler"/> from the compiled
/// tree (which has already resolved drafts, references, formats and regexes); immutable afterwards.
/// </summary>
internal sealed class StreamNode
{
    /// <summary>For a boolean subschema, its value.</summary>
    public bool? Constant { get; set; }

    /// <summary>The allowed types (<c>type</c>); null when any.</summary>
    public SchemaValueType? Types { get; set; }

    /// <summary>The allowed types, every type when <see cref="Types"/> is null (set by <see cref="Seal"/>).</summary>
    public SchemaValueType AllowedTypes { get; private set; }

    /// <summary>True when the node constrains values by equality (<c>enum</c>, <c>const</c>).</summary>
    public bool HasValueSet { get; private set; }

    /// <summary><c>enum</c> checks: a string is looked up; any other value is left to the element path.</summary>
    public EnumCheck[] Enums { get; set; } = [];

    /// <summary><c>const</c> values that are strings, as UTF-8 (null for a non-string constant: left to the element path).</summary>
    public byte[]?[] Consts { get; set; } = [];

    /// <summary>The string keywords.</summary>
    public StringCheck[] Strings { get; set; } = [];

    /// <summary>The numeric keywords.</summary>
    public NumberCheck[] Numbers { get; set; } = [];

    // ---- in place: subschemas applied to the same value ----

    /// <summary><c>allOf</c> branches and <c>$ref</c>s beside other keywords: every one must hold.</summary>
    public StreamNode[] AllOf { get; set; } = [];

    /// <summary><c>anyOf</c> keywords: in each, some branch must hold.</summary>
    public StreamNode[][] AnyOf { get; set; } = [];

    /// <summary>True when subschemas apply to the same value (the reader is then rewound for each).</summary>
    public bool HasInPlace { get; private set; }

    // ---- objects ----

    /// <summary>The names <c>properties</c> and <c>required</c> mention; null when neither is present.</summary>
    public Utf8Lookup? PropertyNames { get; set; }

    /// <summary>The subschema of each name in <see cref="PropertyNames"/> (null: <see cref="Additional"/> applies).</summary>
    public StreamNode?[] PropertySchemas { get; set; } = [];

    /// <summary><c>additionalProperties</c>; null when other properties are unconstrained.</summary>
    public StreamNode? Additional { get; set; }

    /// <summary>Indexes in <see cref="PropertyNames"/> of the required names.</summary>
    public int[] Required { get; set; } = [];

    /// <summary>
    /// <see cref="Required"/> as one bit per name when <see cref="PropertyNames"/> has at most 64 (set by
    /// <see cref="Seal"/>): the check is then one comparison.
    /// </summary>
    public ulong RequiredBits { get; private set; }

    /// <summary><c>minProperties</c>/<c>maxProperties</c>.</summary>
    public long? MinProperties { get; set; }

    /// <summary><c>maxProperties</c>.</summary>
    public long? MaxProperties { get; set; }

    /// <summary><c>propertyNames</c>.</summary>
    public StreamNode? NameSchema { get; set; }

    /// <summary>True when the node looks inside objects at all (otherwise an object is skipped whole).</summary>
    public bool InspectsObjects { get; private set; }

    // ---- arrays ----

    /// <summary>The subschemas of the first items.</summary>
    public StreamNode[] Prefix { get; set; } = [];

    /// <summary>The subschema of the other items; null when unconstrained.</summary>
    public StreamNode? Rest { get; set; }

    /// <summary><c>minItems</c>.</summary>
    public long? MinItems { get; set; }

    /// <summary><c>maxItems</c>.</summary>
    public long? MaxItems { get; set; }

    /// <summary><c>uniqueItems</c>.</summary>
    public bool UniqueItems { get; set; }

    /// <summary>True when the node looks inside arrays at all.</summary>
    public bool InspectsArrays { get; private set; }

    /// <summary>
    /// Fixes the facts the evaluator reads for every value, once the node's own keywords are in (its subschemas may
    /// still be in the making: a reference cycle).
    /// </summary>
    public void Seal()
    {
        AllowedTypes = Types ?? (SchemaValueType)~0;
        HasValueSet = Enums.Length > 0 || Consts.Length > 0;
        HasInPlace = AllOf.Length > 0 || AnyOf.Length > 0;
        RequiredBits = 0;
        if (PropertyNames is { Count: <= 64 })
        {
            foreach (var index in Required) RequiredBits |= 1UL << index;
        }
        InspectsObjects = PropertyNames is not null || Additional is not null || MinProperties is not null || MaxProperties is not null || NameSchema is not null;
        InspectsArrays = Prefix.Length > 0 || Rest is not null || MinItems is not null || MaxItems is not null || UniqueItems;
    }
}
