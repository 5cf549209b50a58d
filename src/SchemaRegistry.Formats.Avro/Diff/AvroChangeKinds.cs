using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro.Diff;

/// <summary>
/// The catalogue of Avro change kinds: every kind the diff reports, with its one fixed impact. The breaking kinds that
/// Avro's schema resolution refuses carry the names of Java's <c>SchemaIncompatibilityType</c> (what Confluent
/// reports as <c>errorType</c>); the others are ours. Impacts are from the point of view of a reader using the new
/// schema on data written with the old one (see <see cref="ChangeImpact"/>).
/// </summary>
public static class AvroChangeKinds
{
    // Breaking: Avro's schema resolution (Java SchemaCompatibility, as Confluent runs it)
    /// <summary>Breaking: a named type's reader name matches neither the writer's (unqualified) name nor a reader alias.</summary>
    public const string NameMismatch = "NAME_MISMATCH";

    /// <summary>Breaking: a fixed type's size changed.</summary>
    public const string FixedSizeMismatch = "FIXED_SIZE_MISMATCH";

    /// <summary>Breaking: the reader's enum lacks symbols the writer may write and has no enum default.</summary>
    public const string MissingEnumSymbols = "MISSING_ENUM_SYMBOLS";

    /// <summary>Breaking: a reader field absent from the writer's record has no default value.</summary>
    public const string ReaderFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE";

    /// <summary>Breaking: the types do not resolve (and no promotion applies).</summary>
    public const string TypeMismatch = "TYPE_MISMATCH";

    /// <summary>Breaking: a writer type (or union branch) has no reader union branch that reads it.</summary>
    public const string MissingUnionBranch = "MISSING_UNION_BRANCH";

    /// <summary>Breaking: a reader field's name and aliases match several writer fields (Java fails the whole check).</summary>
    public const string ReaderFieldMatchesMultipleWriterFields = "READER_FIELD_MATCHES_MULTIPLE_WRITER_FIELDS";

    // Breaking: logical types (the specification; Java's checker ignores logical types)
    /// <summary>Breaking: a decimal's scale changed: every stored value would be read as another number.</summary>
    public const string DecimalScaleChanged = "DECIMAL_SCALE_CHANGED";

    /// <summary>Breaking: a decimal's precision decreased: some stored values no longer fit.</summary>
    public const string DecimalPrecisionDecreased = "DECIMAL_PRECISION_DECREASED";

    /// <summary>Breaking: the logical type changed (timestamp-millis to timestamp-micros): the same bits now mean another value.</summary>
    public const string LogicalTypeChanged = "LOGICAL_TYPE_CHANGED";

    // Compatible
    /// <summary>Compatible: a field was added with a default, which readers use for old data.</summary>
    public const string FieldAddedWithDefault = "FIELD_ADDED_WITH_DEFAULT";

    /// <summary>Compatible: a field was removed; readers skip it in old data.</summary>
    public const string FieldRemoved = "FIELD_REMOVED";

    /// <summary>Compatible: a field was renamed and keeps reading the old field through an alias.</summary>
    public const string FieldRenamedWithAlias = "FIELD_RENAMED_WITH_ALIAS";

    /// <summary>Compatible: fields changed order; resolution matches them by name.</summary>
    public const string FieldsReordered = "FIELDS_REORDERED";

    /// <summary>Compatible: a type was promoted (int to long, float or double; long to float or double; float to double; string to and from bytes).</summary>
    public const string TypePromoted = "TYPE_PROMOTED";

    /// <summary>Compatible: a type became a union with a branch that reads it (int to ["null", "int"]).</summary>
    public const string TypeWidenedToUnion = "TYPE_WIDENED_TO_UNION";

    /// <summary>Compatible: a union became a single type that reads every old branch (["int"] to "int").</summary>
    public const string UnionNarrowedToType = "UNION_NARROWED_TO_TYPE";

    /// <summary>Compatible: a union gained a branch.</summary>
    public const string UnionBranchAdded = "UNION_BRANCH_ADDED";

    /// <summary>Compatible: union branches changed order; resolution matches them by type.</summary>
    public const string UnionBranchesReordered = "UNION_BRANCHES_REORDERED";

    /// <summary>Compatible: an enum gained symbols.</summary>
    public const string EnumSymbolAdded = "ENUM_SYMBOL_ADDED";

    /// <summary>Compatible: an enum lost symbols, which readers map to the enum default.</summary>
    public const string EnumSymbolRemovedCoveredByDefault = "ENUM_SYMBOL_REMOVED_COVERED_BY_DEFAULT";

    /// <summary>Compatible: enum symbols changed order; resolution matches them by name.</summary>
    public const string EnumSymbolsReordered = "ENUM_SYMBOLS_REORDERED";

    /// <summary>Compatible: a named type was renamed and keeps reading the old name through an alias.</summary>
    public const string NameChangedWithAlias = "NAME_CHANGED_WITH_ALIAS";

    /// <summary>Compatible: a named type moved to another namespace (resolution compares unqualified names).</summary>
    public const string NamespaceChanged = "NAMESPACE_CHANGED";

    /// <summary>Compatible: a decimal's precision increased (same scale): every stored value still fits.</summary>
    public const string DecimalPrecisionIncreased = "DECIMAL_PRECISION_INCREASED";

    /// <summary>Compatible: a logical type was added over the same underlying type.</summary>
    public const string LogicalTypeAdded = "LOGICAL_TYPE_ADDED";

    /// <summary>Compatible: a logical type was removed; readers see the underlying type.</summary>
    public const string LogicalTypeRemoved = "LOGICAL_TYPE_REMOVED";

    // Annotations
    /// <summary>Annotation: a named type's doc changed.</summary>
    public const string DocChanged = "DOC_CHANGED";

    /// <summary>Annotation: a named type's aliases changed.</summary>
    public const string AliasesChanged = "ALIASES_CHANGED";

    /// <summary>Annotation: a record became an error or the reverse (the same data type).</summary>
    public const string RecordErrorFlagChanged = "RECORD_ERROR_FLAG_CHANGED";

    /// <summary>Annotation: a field's doc changed.</summary>
    public const string FieldDocChanged = "FIELD_DOC_CHANGED";

    /// <summary>Annotation: a field's aliases changed.</summary>
    public const string FieldAliasesChanged = "FIELD_ALIASES_CHANGED";

    /// <summary>Annotation: a field present on both sides gained a default (used only when a writer lacks the field).</summary>
    public const string FieldDefaultAdded = "FIELD_DEFAULT_ADDED";

    /// <summary>Annotation: a field present on both sides lost its default.</summary>
    public const string FieldDefaultRemoved = "FIELD_DEFAULT_REMOVED";

    /// <summary>Annotation: a field present on both sides changed its default.</summary>
    public const string FieldDefaultChanged = "FIELD_DEFAULT_CHANGED";

    /// <summary>Annotation: a field's sort order changed (it changes no encoding).</summary>
    public const string FieldOrderChanged = "FIELD_ORDER_CHANGED";

    /// <summary>Annotation: an enum gained a default symbol while its symbols still cover the old ones.</summary>
    public const string EnumDefaultAdded = "ENUM_DEFAULT_ADDED";

    /// <summary>Annotation: an enum lost its default symbol while its symbols still cover the old ones.</summary>
    public const string EnumDefaultRemoved = "ENUM_DEFAULT_REMOVED";

    /// <summary>Annotation: an enum's default symbol changed.</summary>
    public const string EnumDefaultChanged = "ENUM_DEFAULT_CHANGED";

    /// <summary>Annotation: a property outside the grammar (java-class, an unknown logicalType, any annotation) was added.</summary>
    public const string PropertyAdded = "PROPERTY_ADDED";

    /// <summary>Annotation: a property outside the grammar was removed.</summary>
    public const string PropertyRemoved = "PROPERTY_REMOVED";

    /// <summary>Annotation: a property outside the grammar changed its value.</summary>
    public const string PropertyChanged = "PROPERTY_CHANGED";

    /// <summary>Every kind with its impact and meaning.</summary>
    public static IReadOnlyList<AvroChangeKindInfo> All { get; } =
    [
        new(NameMismatch, ChangeImpact.Breaking, "The reader's name matches neither the writer's unqualified name nor a reader alias."),
        new(FixedSizeMismatch, ChangeImpact.Breaking, "A fixed type's size changed."),
        new(MissingEnumSymbols, ChangeImpact.Breaking, "The reader's enum lacks writer symbols and has no enum default."),
        new(ReaderFieldMissingDefaultValue, ChangeImpact.Breaking, "A reader field the writer lacks has no default."),
        new(TypeMismatch, ChangeImpact.Breaking, "The types do not resolve and no promotion applies."),
        new(MissingUnionBranch, ChangeImpact.Breaking, "A writer type has no reader union branch that reads it."),
        new(ReaderFieldMatchesMultipleWriterFields, ChangeImpact.Breaking, "A reader field's name and aliases match several writer fields."),
        new(DecimalScaleChanged, ChangeImpact.Breaking, "A decimal's scale changed: stored values would be read as other numbers."),
        new(DecimalPrecisionDecreased, ChangeImpact.Breaking, "A decimal's precision decreased: some stored values no longer fit."),
        new(LogicalTypeChanged, ChangeImpact.Breaking, "The logical type changed: the same bits now mean another value."),
        new(FieldAddedWithDefault, ChangeImpact.Compatible, "A field was added with a default."),
        new(FieldRemoved, ChangeImpact.Compatible, "A field was removed; readers skip it."),
        new(FieldRenamedWithAlias, ChangeImpact.Compatible, "A field was renamed and reads the old one through an alias."),
        new(FieldsReordered, ChangeImpact.Compatible, "Fields changed order; they are matched by name."),
        new(TypePromoted, ChangeImpact.Compatible, "A type was promoted (int to long, float, double; long to float, double; float to double; string and bytes)."),
        new(TypeWidenedToUnion, ChangeImpact.Compatible, "A type became a union with a branch that reads it."),
        new(UnionNarrowedToType, ChangeImpact.Compatible, "A union became one type that reads every old branch."),
        new(UnionBranchAdded, ChangeImpact.Compatible, "A union gained a branch."),
        new(UnionBranchesReordered, ChangeImpact.Compatible, "Union branches changed order; they are matched by type."),
        new(EnumSymbolAdded, ChangeImpact.Compatible, "An enum gained symbols."),
        new(EnumSymbolRemovedCoveredByDefault, ChangeImpact.Compatible, "An enum lost symbols that readers map to its default."),
        new(EnumSymbolsReordered, ChangeImpact.Compatible, "Enum symbols changed order; they are matched by name."),
        new(NameChangedWithAlias, ChangeImpact.Compatible, "A named type was renamed and reads the old name through an alias."),
        new(NamespaceChanged, ChangeImpact.Compatible, "A named type moved to another namespace."),
        new(DecimalPrecisionIncreased, ChangeImpact.Compatible, "A decimal's precision increased with the same scale."),
        new(LogicalTypeAdded, ChangeImpact.Compatible, "A logical type was added over the same underlying type."),
        new(LogicalTypeRemoved, ChangeImpact.Compatible, "A logical type was removed; readers see the underlying type."),
        new(DocChanged, ChangeImpact.Annotation, "A named type's doc changed."),
        new(AliasesChanged, ChangeImpact.Annotation, "A named type's aliases changed."),
        new(RecordErrorFlagChanged, ChangeImpact.Annotation, "A record became an error or the reverse."),
        new(FieldDocChanged, ChangeImpact.Annotation, "A field's doc changed."),
        new(FieldAliasesChanged, ChangeImpact.Annotation, "A field's aliases changed."),
        new(FieldDefaultAdded, ChangeImpact.Annotation, "A field kept on both sides gained a default."),
        new(FieldDefaultRemoved, ChangeImpact.Annotation, "A field kept on both sides lost its default."),
        new(FieldDefaultChanged, ChangeImpact.Annotation, "A field kept on both sides changed its default."),
        new(FieldOrderChanged, ChangeImpact.Annotation, "A field's sort order changed."),
        new(EnumDefaultAdded, ChangeImpact.Annotation, "An enum gained a default symbol."),
        new(EnumDefaultRemoved, ChangeImpact.Annotation, "An enum lost its default symbol."),
        new(EnumDefaultChanged, ChangeImpact.Annotation, "An enum's default symbol changed."),
        new(PropertyAdded, ChangeImpact.Annotation, "A property outside the grammar was added."),
        new(PropertyRemoved, ChangeImpact.Annotation, "A property outside the grammar was removed."),
        new(PropertyChanged, ChangeImpact.Annotation, "A property outside the grammar changed."),
    ];

    private static readonly Dictionary<string, AvroChangeKindInfo> ByKind = All.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>The catalogue entry of a kind; throws for a kind that is not in the catalogue (a bug, not input).</summary>
    public static AvroChangeKindInfo Info(string kind) =>
        ByKind.TryGetValue(kind, out var info) ? info : throw new ArgumentException($"'{kind}' is not in the Avro change catalogue.", nameof(kind));
}

/// <summary>One entry of the Avro change catalogue.</summary>
/// <param name="Kind">The kind, e.g. <c>TYPE_MISMATCH</c>.</param>
/// <param name="Impact">What every change of this kind does to readers.</param>
/// <param name="Description">What it means, in one line.</param>
public sealed record AvroChangeKindInfo(string Kind, ChangeImpact Impact, string Description);
