using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// The catalogue of JSON Schema change kinds: every kind the diff reports, with its one fixed impact and a one-line
/// meaning. Names follow Confluent's <c>io.confluent.kafka.schemaregistry.json.diff.Difference.Type</c> where one
/// exists (and Karapace's incompatibility list, which it covers); the rest are ours. Impacts are from the point of view
/// of a reader using the new schema on data written with the old one (see <see cref="ChangeImpact"/>).
/// </summary>
public static class ChangeKinds
{
    // General
    /// <summary>Breaking: A subschema keyword that constrains (items, contentSchema, then, else...) was added where there was none.</summary>
    public const string SchemaAdded = "SCHEMA_ADDED";

    /// <summary>Compatible: A subschema keyword that constrained was removed.</summary>
    public const string SchemaRemoved = "SCHEMA_REMOVED";

    /// <summary>Breaking: A subschema became false: it now refuses every value.</summary>
    public const string SchemaFalseAdded = "SCHEMA_FALSE_ADDED";

    /// <summary>Compatible: A subschema that was false (refusing every value) now accepts some.</summary>
    public const string SchemaFalseRemoved = "SCHEMA_FALSE_REMOVED";

    /// <summary>Annotation: A $ref now names another location; the targets are compared structurally and any real change is reported on its own.</summary>
    public const string ReferenceChanged = "REFERENCE_CHANGED";

    /// <summary>Breaking: A $ref could not be followed, so nothing about the subschema can be proven.</summary>
    public const string ReferenceUnresolvable = "REFERENCE_UNRESOLVABLE";

    /// <summary>Breaking: A $dynamicRef or $recursiveRef changed; its target depends on the evaluation path and is not proven equivalent.</summary>
    public const string DynamicReferenceChanged = "DYNAMIC_REFERENCE_CHANGED";

    /// <summary>Breaking: The comparison exceeded its work budget (pathologically nested alternatives); compatibility is not proven.</summary>
    public const string ComparisonTooComplex = "COMPARISON_TOO_COMPLEX";

    /// <summary>Annotation: A constraint changed that applies only to a type the old schema never accepted, so no old value is affected.</summary>
    public const string InapplicableKeywordChanged = "INAPPLICABLE_KEYWORD_CHANGED";

    /// <summary>Annotation: A constraint was added that every value of the old schema already satisfied.</summary>
    public const string RedundantConstraintAdded = "REDUNDANT_CONSTRAINT_ADDED";

    // Annotations
    /// <summary>Annotation: $id (id in draft 4) changed; references are resolved before comparing, so only the name changed.</summary>
    public const string IdChanged = "ID_CHANGED";

    /// <summary>Annotation: title changed.</summary>
    public const string TitleChanged = "TITLE_CHANGED";

    /// <summary>Annotation: description changed.</summary>
    public const string DescriptionChanged = "DESCRIPTION_CHANGED";

    /// <summary>Annotation: default changed (validators do not apply defaults).</summary>
    public const string DefaultChanged = "DEFAULT_CHANGED";

    /// <summary>Annotation: examples changed.</summary>
    public const string ExamplesChanged = "EXAMPLES_CHANGED";

    /// <summary>Annotation: $comment changed.</summary>
    public const string CommentChanged = "COMMENT_CHANGED";

    /// <summary>Annotation: deprecated changed.</summary>
    public const string DeprecatedChanged = "DEPRECATED_CHANGED";

    /// <summary>Annotation: readOnly changed.</summary>
    public const string ReadOnlyChanged = "READ_ONLY_CHANGED";

    /// <summary>Annotation: writeOnly changed.</summary>
    public const string WriteOnlyChanged = "WRITE_ONLY_CHANGED";

    /// <summary>Annotation: $schema (or $vocabulary) changed; each side is interpreted in its own draft, so real effects are reported on their own.</summary>
    public const string DialectChanged = "DIALECT_CHANGED";

    /// <summary>Annotation: $anchor, $dynamicAnchor or $recursiveAnchor changed.</summary>
    public const string AnchorChanged = "ANCHOR_CHANGED";

    /// <summary>Annotation: $defs or definitions changed; they matter only through references, which are compared where used.</summary>
    public const string DefinitionsChanged = "DEFINITIONS_CHANGED";

    /// <summary>Annotation: A keyword the draft does not define (an extension such as x-..., or id in draft 7) changed.</summary>
    public const string ExtensionKeywordChanged = "EXTENSION_KEYWORD_CHANGED";

    // Type
    /// <summary>Compatible: type allows more types (string to [string, null], integer to number, or type removed).</summary>
    public const string TypeExtended = "TYPE_EXTENDED";

    /// <summary>Breaking: type allows fewer types (number to integer, [string, null] to string, or type added).</summary>
    public const string TypeNarrowed = "TYPE_NARROWED";

    /// <summary>Breaking: type allows other types (string to integer).</summary>
    public const string TypeChanged = "TYPE_CHANGED";

    // Enum and const
    /// <summary>Compatible: enum gained values (or const became an enum containing it).</summary>
    public const string EnumArrayExtended = "ENUM_ARRAY_EXTENDED";

    /// <summary>Breaking: enum lost values.</summary>
    public const string EnumArrayNarrowed = "ENUM_ARRAY_NARROWED";

    /// <summary>Breaking: enum both lost and gained values.</summary>
    public const string EnumArrayChanged = "ENUM_ARRAY_CHANGED";

    /// <summary>Breaking: enum was added.</summary>
    public const string EnumAdded = "ENUM_ADDED";

    /// <summary>Compatible: enum was removed.</summary>
    public const string EnumRemoved = "ENUM_REMOVED";

    /// <summary>Breaking: const was added.</summary>
    public const string ConstAdded = "CONST_ADDED";

    /// <summary>Compatible: const was removed.</summary>
    public const string ConstRemoved = "CONST_REMOVED";

    /// <summary>Breaking: const changed to another value (or replaced an enum it does not cover).</summary>
    public const string ConstChanged = "CONST_CHANGED";

    // Bounds
    /// <summary>Breaking: maxLength was added.</summary>
    public const string MaxLengthAdded = "MAX_LENGTH_ADDED";

    /// <summary>Compatible: maxLength was removed.</summary>
    public const string MaxLengthRemoved = "MAX_LENGTH_REMOVED";

    /// <summary>Compatible: maxLength was raised (more values fit).</summary>
    public const string MaxLengthIncreased = "MAX_LENGTH_INCREASED";

    /// <summary>Breaking: maxLength was lowered (fewer values fit).</summary>
    public const string MaxLengthDecreased = "MAX_LENGTH_DECREASED";

    /// <summary>Breaking: minLength was added.</summary>
    public const string MinLengthAdded = "MIN_LENGTH_ADDED";

    /// <summary>Compatible: minLength was removed.</summary>
    public const string MinLengthRemoved = "MIN_LENGTH_REMOVED";

    /// <summary>Breaking: minLength was raised (fewer values fit).</summary>
    public const string MinLengthIncreased = "MIN_LENGTH_INCREASED";

    /// <summary>Compatible: minLength was lowered (more values fit).</summary>
    public const string MinLengthDecreased = "MIN_LENGTH_DECREASED";

    /// <summary>Breaking: maximum was added.</summary>
    public const string MaximumAdded = "MAXIMUM_ADDED";

    /// <summary>Compatible: maximum was removed.</summary>
    public const string MaximumRemoved = "MAXIMUM_REMOVED";

    /// <summary>Compatible: maximum was raised (more values fit).</summary>
    public const string MaximumIncreased = "MAXIMUM_INCREASED";

    /// <summary>Breaking: maximum was lowered (fewer values fit).</summary>
    public const string MaximumDecreased = "MAXIMUM_DECREASED";

    /// <summary>Breaking: minimum was added.</summary>
    public const string MinimumAdded = "MINIMUM_ADDED";

    /// <summary>Compatible: minimum was removed.</summary>
    public const string MinimumRemoved = "MINIMUM_REMOVED";

    /// <summary>Breaking: minimum was raised (fewer values fit).</summary>
    public const string MinimumIncreased = "MINIMUM_INCREASED";

    /// <summary>Compatible: minimum was lowered (more values fit).</summary>
    public const string MinimumDecreased = "MINIMUM_DECREASED";

    /// <summary>Breaking: exclusiveMaximum was added.</summary>
    public const string ExclusiveMaximumAdded = "EXCLUSIVE_MAXIMUM_ADDED";

    /// <summary>Compatible: exclusiveMaximum was removed.</summary>
    public const string ExclusiveMaximumRemoved = "EXCLUSIVE_MAXIMUM_REMOVED";

    /// <summary>Compatible: exclusiveMaximum was raised (more values fit).</summary>
    public const string ExclusiveMaximumIncreased = "EXCLUSIVE_MAXIMUM_INCREASED";

    /// <summary>Breaking: exclusiveMaximum was lowered (fewer values fit).</summary>
    public const string ExclusiveMaximumDecreased = "EXCLUSIVE_MAXIMUM_DECREASED";

    /// <summary>Breaking: exclusiveMinimum was added.</summary>
    public const string ExclusiveMinimumAdded = "EXCLUSIVE_MINIMUM_ADDED";

    /// <summary>Compatible: exclusiveMinimum was removed.</summary>
    public const string ExclusiveMinimumRemoved = "EXCLUSIVE_MINIMUM_REMOVED";

    /// <summary>Breaking: exclusiveMinimum was raised (fewer values fit).</summary>
    public const string ExclusiveMinimumIncreased = "EXCLUSIVE_MINIMUM_INCREASED";

    /// <summary>Compatible: exclusiveMinimum was lowered (more values fit).</summary>
    public const string ExclusiveMinimumDecreased = "EXCLUSIVE_MINIMUM_DECREASED";

    /// <summary>Breaking: maxItems was added.</summary>
    public const string MaxItemsAdded = "MAX_ITEMS_ADDED";

    /// <summary>Compatible: maxItems was removed.</summary>
    public const string MaxItemsRemoved = "MAX_ITEMS_REMOVED";

    /// <summary>Compatible: maxItems was raised (more values fit).</summary>
    public const string MaxItemsIncreased = "MAX_ITEMS_INCREASED";

    /// <summary>Breaking: maxItems was lowered (fewer values fit).</summary>
    public const string MaxItemsDecreased = "MAX_ITEMS_DECREASED";

    /// <summary>Breaking: minItems was added.</summary>
    public const string MinItemsAdded = "MIN_ITEMS_ADDED";

    /// <summary>Compatible: minItems was removed.</summary>
    public const string MinItemsRemoved = "MIN_ITEMS_REMOVED";

    /// <summary>Breaking: minItems was raised (fewer values fit).</summary>
    public const string MinItemsIncreased = "MIN_ITEMS_INCREASED";

    /// <summary>Compatible: minItems was lowered (more values fit).</summary>
    public const string MinItemsDecreased = "MIN_ITEMS_DECREASED";

    /// <summary>Breaking: maxProperties was added.</summary>
    public const string MaxPropertiesAdded = "MAX_PROPERTIES_ADDED";

    /// <summary>Compatible: maxProperties was removed.</summary>
    public const string MaxPropertiesRemoved = "MAX_PROPERTIES_REMOVED";

    /// <summary>Compatible: maxProperties was raised (more values fit).</summary>
    public const string MaxPropertiesIncreased = "MAX_PROPERTIES_INCREASED";

    /// <summary>Breaking: maxProperties was lowered (fewer values fit).</summary>
    public const string MaxPropertiesDecreased = "MAX_PROPERTIES_DECREASED";

    /// <summary>Breaking: minProperties was added.</summary>
    public const string MinPropertiesAdded = "MIN_PROPERTIES_ADDED";

    /// <summary>Compatible: minProperties was removed.</summary>
    public const string MinPropertiesRemoved = "MIN_PROPERTIES_REMOVED";

    /// <summary>Breaking: minProperties was raised (fewer values fit).</summary>
    public const string MinPropertiesIncreased = "MIN_PROPERTIES_INCREASED";

    /// <summary>Compatible: minProperties was lowered (more values fit).</summary>
    public const string MinPropertiesDecreased = "MIN_PROPERTIES_DECREASED";

    /// <summary>Breaking: maxContains was added.</summary>
    public const string MaxContainsAdded = "MAX_CONTAINS_ADDED";

    /// <summary>Compatible: maxContains was removed.</summary>
    public const string MaxContainsRemoved = "MAX_CONTAINS_REMOVED";

    /// <summary>Compatible: maxContains was raised (more values fit).</summary>
    public const string MaxContainsIncreased = "MAX_CONTAINS_INCREASED";

    /// <summary>Breaking: maxContains was lowered (fewer values fit).</summary>
    public const string MaxContainsDecreased = "MAX_CONTAINS_DECREASED";

    /// <summary>Breaking: minContains was added.</summary>
    public const string MinContainsAdded = "MIN_CONTAINS_ADDED";

    /// <summary>Compatible: minContains was removed.</summary>
    public const string MinContainsRemoved = "MIN_CONTAINS_REMOVED";

    /// <summary>Breaking: minContains was raised (fewer values fit).</summary>
    public const string MinContainsIncreased = "MIN_CONTAINS_INCREASED";

    /// <summary>Compatible: minContains was lowered (more values fit).</summary>
    public const string MinContainsDecreased = "MIN_CONTAINS_DECREASED";

    /// <summary>Breaking: multipleOf was added.</summary>
    public const string MultipleOfAdded = "MULTIPLE_OF_ADDED";

    /// <summary>Compatible: multipleOf was removed.</summary>
    public const string MultipleOfRemoved = "MULTIPLE_OF_REMOVED";

    /// <summary>Compatible: multipleOf became a divisor of the old one (10 to 5): every old multiple still fits.</summary>
    public const string MultipleOfReduced = "MULTIPLE_OF_REDUCED";

    /// <summary>Breaking: multipleOf grew (5 to 10): some old multiples no longer fit.</summary>
    public const string MultipleOfExpanded = "MULTIPLE_OF_EXPANDED";

    /// <summary>Breaking: multipleOf changed to a value that does not divide the old one (7 to 13, 10 to 4).</summary>
    public const string MultipleOfChanged = "MULTIPLE_OF_CHANGED";

    // Strings
    /// <summary>Breaking: pattern was added.</summary>
    public const string PatternAdded = "PATTERN_ADDED";

    /// <summary>Compatible: pattern was removed.</summary>
    public const string PatternRemoved = "PATTERN_REMOVED";

    /// <summary>Breaking: pattern changed (regular expressions are compared as text).</summary>
    public const string PatternChanged = "PATTERN_CHANGED";

    /// <summary>Breaking: An asserted format was added.</summary>
    public const string FormatAdded = "FORMAT_ADDED";

    /// <summary>Compatible: An asserted format was removed.</summary>
    public const string FormatRemoved = "FORMAT_REMOVED";

    /// <summary>Breaking: An asserted format changed (date-time to date).</summary>
    public const string FormatChanged = "FORMAT_CHANGED";

    /// <summary>Annotation: format changed where it is not asserted (format assertion off, or a format no validator checks).</summary>
    public const string FormatAnnotationChanged = "FORMAT_ANNOTATION_CHANGED";

    /// <summary>Breaking: contentEncoding was added: a reader now decodes values old writers did not encode.</summary>
    public const string ContentEncodingAdded = "CONTENT_ENCODING_ADDED";

    /// <summary>Compatible: contentEncoding was removed.</summary>
    public const string ContentEncodingRemoved = "CONTENT_ENCODING_REMOVED";

    /// <summary>Breaking: contentEncoding changed (base64 to base32): old values would be misread.</summary>
    public const string ContentEncodingChanged = "CONTENT_ENCODING_CHANGED";

    /// <summary>Breaking: contentMediaType was added.</summary>
    public const string ContentMediaTypeAdded = "CONTENT_MEDIA_TYPE_ADDED";

    /// <summary>Compatible: contentMediaType was removed.</summary>
    public const string ContentMediaTypeRemoved = "CONTENT_MEDIA_TYPE_REMOVED";

    /// <summary>Breaking: contentMediaType changed: old content would be misread.</summary>
    public const string ContentMediaTypeChanged = "CONTENT_MEDIA_TYPE_CHANGED";

    /// <summary>Breaking: contentSchema was added.</summary>
    public const string ContentSchemaAdded = "CONTENT_SCHEMA_ADDED";

    /// <summary>Compatible: contentSchema was removed.</summary>
    public const string ContentSchemaRemoved = "CONTENT_SCHEMA_REMOVED";

    // Objects
    /// <summary>Breaking: A property with a constraining schema was added where the old schema accepted any value under that name.</summary>
    public const string PropertyAddedToOpenContentModel = "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: A property whose schema accepts anything was added to an open object.</summary>
    public const string PropertyWithEmptySchemaAddedToOpenContentModel = "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: An optional property was added where the old schema did not allow that name: old data never has it.</summary>
    public const string OptionalPropertyAddedToUnopenContentModel = "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL";

    /// <summary>Breaking: A required property was added where the old schema did not allow that name: no old value has it.</summary>
    public const string RequiredPropertyAddedToUnopenContentModel = "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL";

    /// <summary>Compatible: A property was added whose schema accepts what the old patternProperties/additionalProperties allowed under that name.</summary>
    public const string PropertyAddedIsCoveredByPartiallyOpenContentModel = "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A property was added whose schema refuses some of what the old patternProperties/additionalProperties allowed under that name.</summary>
    public const string PropertyAddedNotCoveredByPartiallyOpenContentModel = "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: A property was removed and the new schema accepts any value under that name.</summary>
    public const string PropertyRemovedFromOpenContentModel = "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A property was removed and the new schema forbids that name.</summary>
    public const string PropertyRemovedFromClosedContentModel = "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL";

    /// <summary>Compatible: A property whose schema was false (forbidden) was removed from a closed object.</summary>
    public const string PropertyWithFalseRemovedFromClosedContentModel = "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL";

    /// <summary>Compatible: A property was removed and the new patternProperties/additionalProperties accept its old values.</summary>
    public const string PropertyRemovedIsCoveredByPartiallyOpenContentModel = "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A property was removed and the new patternProperties/additionalProperties refuse some of its old values.</summary>
    public const string PropertyRemovedNotCoveredByPartiallyOpenContentModel = "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A property became required.</summary>
    public const string RequiredAttributeAdded = "REQUIRED_ATTRIBUTE_ADDED";

    /// <summary>Compatible: A property is no longer required.</summary>
    public const string RequiredAttributeRemoved = "REQUIRED_ATTRIBUTE_REMOVED";

    /// <summary>Compatible: Additional properties are now allowed where they were forbidden (additionalProperties false removed or relaxed).</summary>
    public const string AdditionalPropertiesAdded = "ADDITIONAL_PROPERTIES_ADDED";

    /// <summary>Breaking: Additional properties are now forbidden (additionalProperties: false added).</summary>
    public const string AdditionalPropertiesRemoved = "ADDITIONAL_PROPERTIES_REMOVED";

    /// <summary>Compatible: additionalProperties no longer constrains additional properties.</summary>
    public const string AdditionalPropertiesExtended = "ADDITIONAL_PROPERTIES_EXTENDED";

    /// <summary>Breaking: additionalProperties now constrains additional properties that were unconstrained.</summary>
    public const string AdditionalPropertiesNarrowed = "ADDITIONAL_PROPERTIES_NARROWED";

    /// <summary>Compatible: Unevaluated properties are now allowed where they were forbidden.</summary>
    public const string UnevaluatedPropertiesAdded = "UNEVALUATED_PROPERTIES_ADDED";

    /// <summary>Breaking: Unevaluated properties are now forbidden.</summary>
    public const string UnevaluatedPropertiesRemoved = "UNEVALUATED_PROPERTIES_REMOVED";

    /// <summary>Compatible: unevaluatedProperties no longer constrains unevaluated properties.</summary>
    public const string UnevaluatedPropertiesExtended = "UNEVALUATED_PROPERTIES_EXTENDED";

    /// <summary>Breaking: unevaluatedProperties now constrains unevaluated properties that were unconstrained.</summary>
    public const string UnevaluatedPropertiesNarrowed = "UNEVALUATED_PROPERTIES_NARROWED";

    /// <summary>Compatible: A patternProperties entry was added whose schema accepts what the old schema allowed under matching names.</summary>
    public const string PatternPropertiesAddedCovered = "PATTERN_PROPERTIES_ADDED_COVERED";

    /// <summary>Breaking: A patternProperties entry was added whose schema refuses some of what the old schema allowed under matching names.</summary>
    public const string PatternPropertiesAddedNotCovered = "PATTERN_PROPERTIES_ADDED_NOT_COVERED";

    /// <summary>Compatible: A patternProperties entry was removed and the new schema accepts what it allowed.</summary>
    public const string PatternPropertiesRemovedCovered = "PATTERN_PROPERTIES_REMOVED_COVERED";

    /// <summary>Breaking: A patternProperties entry was removed and the new schema refuses some of what it allowed.</summary>
    public const string PatternPropertiesRemovedNotCovered = "PATTERN_PROPERTIES_REMOVED_NOT_COVERED";

    /// <summary>Breaking: propertyNames was added.</summary>
    public const string PropertyNamesAdded = "PROPERTY_NAMES_ADDED";

    /// <summary>Compatible: propertyNames was removed.</summary>
    public const string PropertyNamesRemoved = "PROPERTY_NAMES_REMOVED";

    /// <summary>Breaking: A property dependency (dependentRequired, or dependencies with a name list) was added.</summary>
    public const string DependencyArrayAdded = "DEPENDENCY_ARRAY_ADDED";

    /// <summary>Compatible: A property dependency was removed.</summary>
    public const string DependencyArrayRemoved = "DEPENDENCY_ARRAY_REMOVED";

    /// <summary>Breaking: A property dependency requires more names.</summary>
    public const string DependencyArrayExtended = "DEPENDENCY_ARRAY_EXTENDED";

    /// <summary>Compatible: A property dependency requires fewer names.</summary>
    public const string DependencyArrayNarrowed = "DEPENDENCY_ARRAY_NARROWED";

    /// <summary>Breaking: A property dependency requires other names.</summary>
    public const string DependencyArrayChanged = "DEPENDENCY_ARRAY_CHANGED";

    /// <summary>Breaking: A schema dependency (dependentSchemas, or dependencies with a schema) was added.</summary>
    public const string DependencySchemaAdded = "DEPENDENCY_SCHEMA_ADDED";

    /// <summary>Compatible: A schema dependency was removed.</summary>
    public const string DependencySchemaRemoved = "DEPENDENCY_SCHEMA_REMOVED";

    // Arrays
    /// <summary>Breaking: A positional item schema was added where old arrays could hold any value at that position.</summary>
    public const string ItemAddedToOpenContentModel = "ITEM_ADDED_TO_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: A positional item schema that accepts anything was added.</summary>
    public const string ItemWithEmptySchemaAddedToOpenContentModel = "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: A positional item was added where old arrays could not reach that position.</summary>
    public const string ItemAddedToClosedContentModel = "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL";

    /// <summary>Compatible: A positional item was added whose schema accepts what the old additional items allowed there.</summary>
    public const string ItemAddedIsCoveredByPartiallyOpenContentModel = "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A positional item was added whose schema refuses some of what the old additional items allowed there.</summary>
    public const string ItemAddedNotCoveredByPartiallyOpenContentModel = "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: A positional item schema was removed and the new schema accepts any value there.</summary>
    public const string ItemRemovedFromOpenContentModel = "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A positional item was removed and the new schema forbids arrays that long.</summary>
    public const string ItemRemovedFromClosedContentModel = "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL";

    /// <summary>Compatible: A positional item whose schema was false was removed from a closed tuple.</summary>
    public const string ItemWithFalseRemovedFromClosedContentModel = "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL";

    /// <summary>Compatible: A positional item was removed and the new additional items accept its old values.</summary>
    public const string ItemRemovedIsCoveredByPartiallyOpenContentModel = "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Breaking: A positional item was removed and the new additional items refuse some of its old values.</summary>
    public const string ItemRemovedNotCoveredByPartiallyOpenContentModel = "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /// <summary>Compatible: Items beyond the positional ones are now allowed where they were forbidden.</summary>
    public const string AdditionalItemsAdded = "ADDITIONAL_ITEMS_ADDED";

    /// <summary>Breaking: Items beyond the positional ones are now forbidden.</summary>
    public const string AdditionalItemsRemoved = "ADDITIONAL_ITEMS_REMOVED";

    /// <summary>Compatible: Items beyond the positional ones are no longer constrained.</summary>
    public const string AdditionalItemsExtended = "ADDITIONAL_ITEMS_EXTENDED";

    /// <summary>Breaking: Items beyond the positional ones are now constrained.</summary>
    public const string AdditionalItemsNarrowed = "ADDITIONAL_ITEMS_NARROWED";

    /// <summary>Compatible: Unevaluated items are now allowed where they were forbidden.</summary>
    public const string UnevaluatedItemsAdded = "UNEVALUATED_ITEMS_ADDED";

    /// <summary>Breaking: Unevaluated items are now forbidden.</summary>
    public const string UnevaluatedItemsRemoved = "UNEVALUATED_ITEMS_REMOVED";

    /// <summary>Compatible: unevaluatedItems no longer constrains unevaluated items.</summary>
    public const string UnevaluatedItemsExtended = "UNEVALUATED_ITEMS_EXTENDED";

    /// <summary>Breaking: unevaluatedItems now constrains unevaluated items that were unconstrained.</summary>
    public const string UnevaluatedItemsNarrowed = "UNEVALUATED_ITEMS_NARROWED";

    /// <summary>Breaking: uniqueItems: true was added.</summary>
    public const string UniqueItemsAdded = "UNIQUE_ITEMS_ADDED";

    /// <summary>Compatible: uniqueItems: true was removed.</summary>
    public const string UniqueItemsRemoved = "UNIQUE_ITEMS_REMOVED";

    /// <summary>Breaking: contains was added.</summary>
    public const string ContainsAdded = "CONTAINS_ADDED";

    /// <summary>Compatible: contains was removed.</summary>
    public const string ContainsRemoved = "CONTAINS_REMOVED";

    /// <summary>Breaking: contains changed in a way not proven compatible (with maxContains the contains schema must not change).</summary>
    public const string ContainsChanged = "CONTAINS_CHANGED";

    // Combinations
    /// <summary>Compatible: anyOf/oneOf gained an alternative, or the old schema is now one alternative of a new anyOf/oneOf.</summary>
    public const string SumTypeExtended = "SUM_TYPE_EXTENDED";

    /// <summary>Breaking: An alternative of the old anyOf/oneOf is accepted by no alternative of the new one.</summary>
    public const string SumTypeNarrowed = "SUM_TYPE_NARROWED";

    /// <summary>Breaking: anyOf/oneOf was added and the old schema fits none of its alternatives.</summary>
    public const string SumTypeAdded = "SUM_TYPE_ADDED";

    /// <summary>Compatible: anyOf/oneOf was removed.</summary>
    public const string SumTypeRemoved = "SUM_TYPE_REMOVED";

    /// <summary>Breaking: An allOf branch was added that the old schema does not imply.</summary>
    public const string ProductTypeExtended = "PRODUCT_TYPE_EXTENDED";

    /// <summary>Compatible: An allOf branch of the old schema was dropped, or alone implies the new schema.</summary>
    public const string ProductTypeNarrowed = "PRODUCT_TYPE_NARROWED";

    /// <summary>Compatible: The combination became looser (oneOf to anyOf, allOf to anyOf).</summary>
    public const string CombinedTypeExtended = "COMBINED_TYPE_EXTENDED";

    /// <summary>Breaking: The combination became stricter (anyOf to oneOf, anyOf to allOf).</summary>
    public const string CombinedTypeChanged = "COMBINED_TYPE_CHANGED";

    /// <summary>Breaking: An alternative matched to an old one changed incompatibly.</summary>
    public const string CombinedTypeSubschemasChanged = "COMBINED_TYPE_SUBSCHEMAS_CHANGED";

    /// <summary>Breaking: oneOf changed and its alternatives are not provably exclusive: a value matching two of them is refused.</summary>
    public const string OneOfBranchesMayOverlap = "ONE_OF_BRANCHES_MAY_OVERLAP";

    /// <summary>Breaking: The not subschema accepts more, so the schema accepts less.</summary>
    public const string NotTypeExtended = "NOT_TYPE_EXTENDED";

    /// <summary>Compatible: The not subschema accepts less, so the schema accepts more.</summary>
    public const string NotTypeNarrowed = "NOT_TYPE_NARROWED";

    /// <summary>Breaking: not was added.</summary>
    public const string NotAdded = "NOT_ADDED";

    /// <summary>Compatible: not was removed.</summary>
    public const string NotRemoved = "NOT_REMOVED";

    // Conditionals
    /// <summary>Breaking: if/then/else was added.</summary>
    public const string ConditionalAdded = "CONDITIONAL_ADDED";

    /// <summary>Compatible: if/then/else was removed.</summary>
    public const string ConditionalRemoved = "CONDITIONAL_REMOVED";

    /// <summary>Breaking: The if subschema changed: values may now take the other branch.</summary>
    public const string ConditionChanged = "CONDITION_CHANGED";

    /// <summary>Every kind, in catalogue order, with its family, impact and meaning.</summary>
    public static IReadOnlyList<ChangeKindInfo> All { get; } =
    [
        new(SchemaAdded, "General", ChangeImpact.Breaking, "A subschema keyword that constrains (items, contentSchema, then, else...) was added where there was none."),
        new(SchemaRemoved, "General", ChangeImpact.Compatible, "A subschema keyword that constrained was removed."),
        new(SchemaFalseAdded, "General", ChangeImpact.Breaking, "A subschema became false: it now refuses every value."),
        new(SchemaFalseRemoved, "General", ChangeImpact.Compatible, "A subschema that was false (refusing every value) now accepts some."),
        new(ReferenceChanged, "General", ChangeImpact.Annotation, "A $ref now names another location; the targets are compared structurally and any real change is reported on its own."),
        new(ReferenceUnresolvable, "General", ChangeImpact.Breaking, "A $ref could not be followed, so nothing about the subschema can be proven."),
        new(DynamicReferenceChanged, "General", ChangeImpact.Breaking, "A $dynamicRef or $recursiveRef changed; its target depends on the evaluation path and is not proven equivalent."),
        new(ComparisonTooComplex, "General", ChangeImpact.Breaking, "The comparison exceeded its work budget (pathologically nested alternatives); compatibility is not proven."),
        new(InapplicableKeywordChanged, "General", ChangeImpact.Annotation, "A constraint changed that applies only to a type the old schema never accepted, so no old value is affected."),
        new(RedundantConstraintAdded, "General", ChangeImpact.Annotation, "A constraint was added that every value of the old schema already satisfied."),
        new(IdChanged, "Annotations", ChangeImpact.Annotation, "$id (id in draft 4) changed; references are resolved before comparing, so only the name changed."),
        new(TitleChanged, "Annotations", ChangeImpact.Annotation, "title changed."),
        new(DescriptionChanged, "Annotations", ChangeImpact.Annotation, "description changed."),
        new(DefaultChanged, "Annotations", ChangeImpact.Annotation, "default changed (validators do not apply defaults)."),
        new(ExamplesChanged, "Annotations", ChangeImpact.Annotation, "examples changed."),
        new(CommentChanged, "Annotations", ChangeImpact.Annotation, "$comment changed."),
        new(DeprecatedChanged, "Annotations", ChangeImpact.Annotation, "deprecated changed."),
        new(ReadOnlyChanged, "Annotations", ChangeImpact.Annotation, "readOnly changed."),
        new(WriteOnlyChanged, "Annotations", ChangeImpact.Annotation, "writeOnly changed."),
        new(DialectChanged, "Annotations", ChangeImpact.Annotation, "$schema (or $vocabulary) changed; each side is interpreted in its own draft, so real effects are reported on their own."),
        new(AnchorChanged, "Annotations", ChangeImpact.Annotation, "$anchor, $dynamicAnchor or $recursiveAnchor changed."),
        new(DefinitionsChanged, "Annotations", ChangeImpact.Annotation, "$defs or definitions changed; they matter only through references, which are compared where used."),
        new(ExtensionKeywordChanged, "Annotations", ChangeImpact.Annotation, "A keyword the draft does not define (an extension such as x-..., or id in draft 7) changed."),
        new(TypeExtended, "Type", ChangeImpact.Compatible, "type allows more types (string to [string, null], integer to number, or type removed)."),
        new(TypeNarrowed, "Type", ChangeImpact.Breaking, "type allows fewer types (number to integer, [string, null] to string, or type added)."),
        new(TypeChanged, "Type", ChangeImpact.Breaking, "type allows other types (string to integer)."),
        new(EnumArrayExtended, "Enum and const", ChangeImpact.Compatible, "enum gained values (or const became an enum containing it)."),
        new(EnumArrayNarrowed, "Enum and const", ChangeImpact.Breaking, "enum lost values."),
        new(EnumArrayChanged, "Enum and const", ChangeImpact.Breaking, "enum both lost and gained values."),
        new(EnumAdded, "Enum and const", ChangeImpact.Breaking, "enum was added."),
        new(EnumRemoved, "Enum and const", ChangeImpact.Compatible, "enum was removed."),
        new(ConstAdded, "Enum and const", ChangeImpact.Breaking, "const was added."),
        new(ConstRemoved, "Enum and const", ChangeImpact.Compatible, "const was removed."),
        new(ConstChanged, "Enum and const", ChangeImpact.Breaking, "const changed to another value (or replaced an enum it does not cover)."),
        new(MaxLengthAdded, "Bounds", ChangeImpact.Breaking, "maxLength was added."),
        new(MaxLengthRemoved, "Bounds", ChangeImpact.Compatible, "maxLength was removed."),
        new(MaxLengthIncreased, "Bounds", ChangeImpact.Compatible, "maxLength was raised (more values fit)."),
        new(MaxLengthDecreased, "Bounds", ChangeImpact.Breaking, "maxLength was lowered (fewer values fit)."),
        new(MinLengthAdded, "Bounds", ChangeImpact.Breaking, "minLength was added."),
        new(MinLengthRemoved, "Bounds", ChangeImpact.Compatible, "minLength was removed."),
        new(MinLengthIncreased, "Bounds", ChangeImpact.Breaking, "minLength was raised (fewer values fit)."),
        new(MinLengthDecreased, "Bounds", ChangeImpact.Compatible, "minLength was lowered (more values fit)."),
        new(MaximumAdded, "Bounds", ChangeImpact.Breaking, "maximum was added."),
        new(MaximumRemoved, "Bounds", ChangeImpact.Compatible, "maximum was removed."),
        new(MaximumIncreased, "Bounds", ChangeImpact.Compatible, "maximum was raised (more values fit)."),
        new(MaximumDecreased, "Bounds", ChangeImpact.Breaking, "maximum was lowered (fewer values fit)."),
        new(MinimumAdded, "Bounds", ChangeImpact.Breaking, "minimum was added."),
        new(MinimumRemoved, "Bounds", ChangeImpact.Compatible, "minimum was removed."),
        new(MinimumIncreased, "Bounds", ChangeImpact.Breaking, "minimum was raised (fewer values fit)."),
        new(MinimumDecreased, "Bounds", ChangeImpact.Compatible, "minimum was lowered (more values fit)."),
        new(ExclusiveMaximumAdded, "Bounds", ChangeImpact.Breaking, "exclusiveMaximum was added."),
        new(ExclusiveMaximumRemoved, "Bounds", ChangeImpact.Compatible, "exclusiveMaximum was removed."),
        new(ExclusiveMaximumIncreased, "Bounds", ChangeImpact.Compatible, "exclusiveMaximum was raised (more values fit)."),
        new(ExclusiveMaximumDecreased, "Bounds", ChangeImpact.Breaking, "exclusiveMaximum was lowered (fewer values fit)."),
        new(ExclusiveMinimumAdded, "Bounds", ChangeImpact.Breaking, "exclusiveMinimum was added."),
        new(ExclusiveMinimumRemoved, "Bounds", ChangeImpact.Compatible, "exclusiveMinimum was removed."),
        new(ExclusiveMinimumIncreased, "Bounds", ChangeImpact.Breaking, "exclusiveMinimum was raised (fewer values fit)."),
        new(ExclusiveMinimumDecreased, "Bounds", ChangeImpact.Compatible, "exclusiveMinimum was lowered (more values fit)."),
        new(MaxItemsAdded, "Bounds", ChangeImpact.Breaking, "maxItems was added."),
        new(MaxItemsRemoved, "Bounds", ChangeImpact.Compatible, "maxItems was removed."),
        new(MaxItemsIncreased, "Bounds", ChangeImpact.Compatible, "maxItems was raised (more values fit)."),
        new(MaxItemsDecreased, "Bounds", ChangeImpact.Breaking, "maxItems was lowered (fewer values fit)."),
        new(MinItemsAdded, "Bounds", ChangeImpact.Breaking, "minItems was added."),
        new(MinItemsRemoved, "Bounds", ChangeImpact.Compatible, "minItems was removed."),
        new(MinItemsIncreased, "Bounds", ChangeImpact.Breaking, "minItems was raised (fewer values fit)."),
        new(MinItemsDecreased, "Bounds", ChangeImpact.Compatible, "minItems was lowered (more values fit)."),
        new(MaxPropertiesAdded, "Bounds", ChangeImpact.Breaking, "maxProperties was added."),
        new(MaxPropertiesRemoved, "Bounds", ChangeImpact.Compatible, "maxProperties was removed."),
        new(MaxPropertiesIncreased, "Bounds", ChangeImpact.Compatible, "maxProperties was raised (more values fit)."),
        new(MaxPropertiesDecreased, "Bounds", ChangeImpact.Breaking, "maxProperties was lowered (fewer values fit)."),
        new(MinPropertiesAdded, "Bounds", ChangeImpact.Breaking, "minProperties was added."),
        new(MinPropertiesRemoved, "Bounds", ChangeImpact.Compatible, "minProperties was removed."),
        new(MinPropertiesIncreased, "Bounds", ChangeImpact.Breaking, "minProperties was raised (fewer values fit)."),
        new(MinPropertiesDecreased, "Bounds", ChangeImpact.Compatible, "minProperties was lowered (more values fit)."),
        new(MaxContainsAdded, "Bounds", ChangeImpact.Breaking, "maxContains was added."),
        new(MaxContainsRemoved, "Bounds", ChangeImpact.Compatible, "maxContains was removed."),
        new(MaxContainsIncreased, "Bounds", ChangeImpact.Compatible, "maxContains was raised (more values fit)."),
        new(MaxContainsDecreased, "Bounds", ChangeImpact.Breaking, "maxContains was lowered (fewer values fit)."),
        new(MinContainsAdded, "Bounds", ChangeImpact.Breaking, "minContains was added."),
        new(MinContainsRemoved, "Bounds", ChangeImpact.Compatible, "minContains was removed."),
        new(MinContainsIncreased, "Bounds", ChangeImpact.Breaking, "minContains was raised (fewer values fit)."),
        new(MinContainsDecreased, "Bounds", ChangeImpact.Compatible, "minContains was lowered (more values fit)."),
        new(MultipleOfAdded, "Bounds", ChangeImpact.Breaking, "multipleOf was added."),
        new(MultipleOfRemoved, "Bounds", ChangeImpact.Compatible, "multipleOf was removed."),
        new(MultipleOfReduced, "Bounds", ChangeImpact.Compatible, "multipleOf became a divisor of the old one (10 to 5): every old multiple still fits."),
        new(MultipleOfExpanded, "Bounds", ChangeImpact.Breaking, "multipleOf grew (5 to 10): some old multiples no longer fit."),
        new(MultipleOfChanged, "Bounds", ChangeImpact.Breaking, "multipleOf changed to a value that does not divide the old one (7 to 13, 10 to 4)."),
        new(PatternAdded, "Strings", ChangeImpact.Breaking, "pattern was added."),
        new(PatternRemoved, "Strings", ChangeImpact.Compatible, "pattern was removed."),
        new(PatternChanged, "Strings", ChangeImpact.Breaking, "pattern changed (regular expressions are compared as text)."),
        new(FormatAdded, "Strings", ChangeImpact.Breaking, "An asserted format was added."),
        new(FormatRemoved, "Strings", ChangeImpact.Compatible, "An asserted format was removed."),
        new(FormatChanged, "Strings", ChangeImpact.Breaking, "An asserted format changed (date-time to date)."),
        new(FormatAnnotationChanged, "Strings", ChangeImpact.Annotation, "format changed where it is not asserted (format assertion off, or a format no validator checks)."),
        new(ContentEncodingAdded, "Strings", ChangeImpact.Breaking, "contentEncoding was added: a reader now decodes values old writers did not encode."),
        new(ContentEncodingRemoved, "Strings", ChangeImpact.Compatible, "contentEncoding was removed."),
        new(ContentEncodingChanged, "Strings", ChangeImpact.Breaking, "contentEncoding changed (base64 to base32): old values would be misread."),
        new(ContentMediaTypeAdded, "Strings", ChangeImpact.Breaking, "contentMediaType was added."),
        new(ContentMediaTypeRemoved, "Strings", ChangeImpact.Compatible, "contentMediaType was removed."),
        new(ContentMediaTypeChanged, "Strings", ChangeImpact.Breaking, "contentMediaType changed: old content would be misread."),
        new(ContentSchemaAdded, "Strings", ChangeImpact.Breaking, "contentSchema was added."),
        new(ContentSchemaRemoved, "Strings", ChangeImpact.Compatible, "contentSchema was removed."),
        new(PropertyAddedToOpenContentModel, "Objects", ChangeImpact.Breaking, "A property with a constraining schema was added where the old schema accepted any value under that name."),
        new(PropertyWithEmptySchemaAddedToOpenContentModel, "Objects", ChangeImpact.Compatible, "A property whose schema accepts anything was added to an open object."),
        new(OptionalPropertyAddedToUnopenContentModel, "Objects", ChangeImpact.Compatible, "An optional property was added where the old schema did not allow that name: old data never has it."),
        new(RequiredPropertyAddedToUnopenContentModel, "Objects", ChangeImpact.Breaking, "A required property was added where the old schema did not allow that name: no old value has it."),
        new(PropertyAddedIsCoveredByPartiallyOpenContentModel, "Objects", ChangeImpact.Compatible, "A property was added whose schema accepts what the old patternProperties/additionalProperties allowed under that name."),
        new(PropertyAddedNotCoveredByPartiallyOpenContentModel, "Objects", ChangeImpact.Breaking, "A property was added whose schema refuses some of what the old patternProperties/additionalProperties allowed under that name."),
        new(PropertyRemovedFromOpenContentModel, "Objects", ChangeImpact.Compatible, "A property was removed and the new schema accepts any value under that name."),
        new(PropertyRemovedFromClosedContentModel, "Objects", ChangeImpact.Breaking, "A property was removed and the new schema forbids that name."),
        new(PropertyWithFalseRemovedFromClosedContentModel, "Objects", ChangeImpact.Compatible, "A property whose schema was false (forbidden) was removed from a closed object."),
        new(PropertyRemovedIsCoveredByPartiallyOpenContentModel, "Objects", ChangeImpact.Compatible, "A property was removed and the new patternProperties/additionalProperties accept its old values."),
        new(PropertyRemovedNotCoveredByPartiallyOpenContentModel, "Objects", ChangeImpact.Breaking, "A property was removed and the new patternProperties/additionalProperties refuse some of its old values."),
        new(RequiredAttributeAdded, "Objects", ChangeImpact.Breaking, "A property became required."),
        new(RequiredAttributeRemoved, "Objects", ChangeImpact.Compatible, "A property is no longer required."),
        new(AdditionalPropertiesAdded, "Objects", ChangeImpact.Compatible, "Additional properties are now allowed where they were forbidden (additionalProperties false removed or relaxed)."),
        new(AdditionalPropertiesRemoved, "Objects", ChangeImpact.Breaking, "Additional properties are now forbidden (additionalProperties: false added)."),
        new(AdditionalPropertiesExtended, "Objects", ChangeImpact.Compatible, "additionalProperties no longer constrains additional properties."),
        new(AdditionalPropertiesNarrowed, "Objects", ChangeImpact.Breaking, "additionalProperties now constrains additional properties that were unconstrained."),
        new(UnevaluatedPropertiesAdded, "Objects", ChangeImpact.Compatible, "Unevaluated properties are now allowed where they were forbidden."),
        new(UnevaluatedPropertiesRemoved, "Objects", ChangeImpact.Breaking, "Unevaluated properties are now forbidden."),
        new(UnevaluatedPropertiesExtended, "Objects", ChangeImpact.Compatible, "unevaluatedProperties no longer constrains unevaluated properties."),
        new(UnevaluatedPropertiesNarrowed, "Objects", ChangeImpact.Breaking, "unevaluatedProperties now constrains unevaluated properties that were unconstrained."),
        new(PatternPropertiesAddedCovered, "Objects", ChangeImpact.Compatible, "A patternProperties entry was added whose schema accepts what the old schema allowed under matching names."),
        new(PatternPropertiesAddedNotCovered, "Objects", ChangeImpact.Breaking, "A patternProperties entry was added whose schema refuses some of what the old schema allowed under matching names."),
        new(PatternPropertiesRemovedCovered, "Objects", ChangeImpact.Compatible, "A patternProperties entry was removed and the new schema accepts what it allowed."),
        new(PatternPropertiesRemovedNotCovered, "Objects", ChangeImpact.Breaking, "A patternProperties entry was removed and the new schema refuses some of what it allowed."),
        new(PropertyNamesAdded, "Objects", ChangeImpact.Breaking, "propertyNames was added."),
        new(PropertyNamesRemoved, "Objects", ChangeImpact.Compatible, "propertyNames was removed."),
        new(DependencyArrayAdded, "Objects", ChangeImpact.Breaking, "A property dependency (dependentRequired, or dependencies with a name list) was added."),
        new(DependencyArrayRemoved, "Objects", ChangeImpact.Compatible, "A property dependency was removed."),
        new(DependencyArrayExtended, "Objects", ChangeImpact.Breaking, "A property dependency requires more names."),
        new(DependencyArrayNarrowed, "Objects", ChangeImpact.Compatible, "A property dependency requires fewer names."),
        new(DependencyArrayChanged, "Objects", ChangeImpact.Breaking, "A property dependency requires other names."),
        new(DependencySchemaAdded, "Objects", ChangeImpact.Breaking, "A schema dependency (dependentSchemas, or dependencies with a schema) was added."),
        new(DependencySchemaRemoved, "Objects", ChangeImpact.Compatible, "A schema dependency was removed."),
        new(ItemAddedToOpenContentModel, "Arrays", ChangeImpact.Breaking, "A positional item schema was added where old arrays could hold any value at that position."),
        new(ItemWithEmptySchemaAddedToOpenContentModel, "Arrays", ChangeImpact.Compatible, "A positional item schema that accepts anything was added."),
        new(ItemAddedToClosedContentModel, "Arrays", ChangeImpact.Compatible, "A positional item was added where old arrays could not reach that position."),
        new(ItemAddedIsCoveredByPartiallyOpenContentModel, "Arrays", ChangeImpact.Compatible, "A positional item was added whose schema accepts what the old additional items allowed there."),
        new(ItemAddedNotCoveredByPartiallyOpenContentModel, "Arrays", ChangeImpact.Breaking, "A positional item was added whose schema refuses some of what the old additional items allowed there."),
        new(ItemRemovedFromOpenContentModel, "Arrays", ChangeImpact.Compatible, "A positional item schema was removed and the new schema accepts any value there."),
        new(ItemRemovedFromClosedContentModel, "Arrays", ChangeImpact.Breaking, "A positional item was removed and the new schema forbids arrays that long."),
        new(ItemWithFalseRemovedFromClosedContentModel, "Arrays", ChangeImpact.Compatible, "A positional item whose schema was false was removed from a closed tuple."),
        new(ItemRemovedIsCoveredByPartiallyOpenContentModel, "Arrays", ChangeImpact.Compatible, "A positional item was removed and the new additional items accept its old values."),
        new(ItemRemovedNotCoveredByPartiallyOpenContentModel, "Arrays", ChangeImpact.Breaking, "A positional item was removed and the new additional items refuse some of its old values."),
        new(AdditionalItemsAdded, "Arrays", ChangeImpact.Compatible, "Items beyond the positional ones are now allowed where they were forbidden."),
        new(AdditionalItemsRemoved, "Arrays", ChangeImpact.Breaking, "Items beyond the positional ones are now forbidden."),
        new(AdditionalItemsExtended, "Arrays", ChangeImpact.Compatible, "Items beyond the positional ones are no longer constrained."),
        new(AdditionalItemsNarrowed, "Arrays", ChangeImpact.Breaking, "Items beyond the positional ones are now constrained."),
        new(UnevaluatedItemsAdded, "Arrays", ChangeImpact.Compatible, "Unevaluated items are now allowed where they were forbidden."),
        new(UnevaluatedItemsRemoved, "Arrays", ChangeImpact.Breaking, "Unevaluated items are now forbidden."),
        new(UnevaluatedItemsExtended, "Arrays", ChangeImpact.Compatible, "unevaluatedItems no longer constrains unevaluated items."),
        new(UnevaluatedItemsNarrowed, "Arrays", ChangeImpact.Breaking, "unevaluatedItems now constrains unevaluated items that were unconstrained."),
        new(UniqueItemsAdded, "Arrays", ChangeImpact.Breaking, "uniqueItems: true was added."),
        new(UniqueItemsRemoved, "Arrays", ChangeImpact.Compatible, "uniqueItems: true was removed."),
        new(ContainsAdded, "Arrays", ChangeImpact.Breaking, "contains was added."),
        new(ContainsRemoved, "Arrays", ChangeImpact.Compatible, "contains was removed."),
        new(ContainsChanged, "Arrays", ChangeImpact.Breaking, "contains changed in a way not proven compatible (with maxContains the contains schema must not change)."),
        new(SumTypeExtended, "Combinations", ChangeImpact.Compatible, "anyOf/oneOf gained an alternative, or the old schema is now one alternative of a new anyOf/oneOf."),
        new(SumTypeNarrowed, "Combinations", ChangeImpact.Breaking, "An alternative of the old anyOf/oneOf is accepted by no alternative of the new one."),
        new(SumTypeAdded, "Combinations", ChangeImpact.Breaking, "anyOf/oneOf was added and the old schema fits none of its alternatives."),
        new(SumTypeRemoved, "Combinations", ChangeImpact.Compatible, "anyOf/oneOf was removed."),
        new(ProductTypeExtended, "Combinations", ChangeImpact.Breaking, "An allOf branch was added that the old schema does not imply."),
        new(ProductTypeNarrowed, "Combinations", ChangeImpact.Compatible, "An allOf branch of the old schema was dropped, or alone implies the new schema."),
        new(CombinedTypeExtended, "Combinations", ChangeImpact.Compatible, "The combination became looser (oneOf to anyOf, allOf to anyOf)."),
        new(CombinedTypeChanged, "Combinations", ChangeImpact.Breaking, "The combination became stricter (anyOf to oneOf, anyOf to allOf)."),
        new(CombinedTypeSubschemasChanged, "Combinations", ChangeImpact.Breaking, "An alternative matched to an old one changed incompatibly."),
        new(OneOfBranchesMayOverlap, "Combinations", ChangeImpact.Breaking, "oneOf changed and its alternatives are not provably exclusive: a value matching two of them is refused."),
        new(NotTypeExtended, "Combinations", ChangeImpact.Breaking, "The not subschema accepts more, so the schema accepts less."),
        new(NotTypeNarrowed, "Combinations", ChangeImpact.Compatible, "The not subschema accepts less, so the schema accepts more."),
        new(NotAdded, "Combinations", ChangeImpact.Breaking, "not was added."),
        new(NotRemoved, "Combinations", ChangeImpact.Compatible, "not was removed."),
        new(ConditionalAdded, "Conditionals", ChangeImpact.Breaking, "if/then/else was added."),
        new(ConditionalRemoved, "Conditionals", ChangeImpact.Compatible, "if/then/else was removed."),
        new(ConditionChanged, "Conditionals", ChangeImpact.Breaking, "The if subschema changed: values may now take the other branch."),
    ];

    private static readonly Dictionary<string, ChangeKindInfo> ByKind = All.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>The catalogue entry of a kind; throws for a kind that is not in the catalogue (a bug, not input).</summary>
    public static ChangeKindInfo Info(string kind) =>
        ByKind.TryGetValue(kind, out var info) ? info : throw new ArgumentException($"'{kind}' is not in the JSON Schema change catalogue.", nameof(kind));
}

/// <summary>One entry of the change catalogue.</summary>
/// <param name="Kind">The kind, e.g. <c>TYPE_NARROWED</c>.</param>
/// <param name="Family">The keyword family it belongs to.</param>
/// <param name="Impact">What every change of this kind does to readers.</param>
/// <param name="Description">What it means, in one line.</param>
public sealed record ChangeKindInfo(string Kind, string Family, ChangeImpact Impact, string Description);
