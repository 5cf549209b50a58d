using System.Collections.Frozen;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Protobuf.Diff;

/// <summary>
/// The catalogue of Protobuf change kinds, each with one fixed impact on a reader that uses the new schema on data
/// written with the old one (wire level: the binary encoding). Names follow Confluent's
/// <c>io.confluent.kafka.schemaregistry.protobuf.diff.Difference.Type</c> where one exists; the rest name the Buf rule
/// family they come from (see docs/formats.protobuf.md for the table with citations).
/// </summary>
public static class ChangeKinds
{
    // File
    /// <summary>Breaking: proto2 and proto3 differ in field presence, defaults and enum openness (Buf FILE_SAME_SYNTAX).</summary>
    public const string SyntaxChanged = "SYNTAX_CHANGED";
    /// <summary>Breaking: every type's full name changed (Buf FILE_SAME_PACKAGE, Confluent 7.x PACKAGE_CHANGED).</summary>
    public const string PackageChanged = "PACKAGE_CHANGED";
    /// <summary>Annotation: an import was added (types it brings are compared where fields use them).</summary>
    public const string ImportAdded = "IMPORT_ADDED";
    /// <summary>Annotation: an import was removed.</summary>
    public const string ImportRemoved = "IMPORT_REMOVED";
    /// <summary>Annotation: an option was added to the file, a message, a field, a oneof, an enum, a value, a service or an rpc.</summary>
    public const string OptionAdded = "OPTION_ADDED";
    /// <summary>Annotation: an option was removed.</summary>
    public const string OptionRemoved = "OPTION_REMOVED";
    /// <summary>Annotation: an option's value changed.</summary>
    public const string OptionChanged = "OPTION_CHANGED";

    // Messages and enums
    /// <summary>Compatible: a message type was added.</summary>
    public const string MessageAdded = "MESSAGE_ADDED";
    /// <summary>Breaking: a message type was removed (data written as that type can no longer be read; Buf MESSAGE_NO_DELETE).</summary>
    public const string MessageRemoved = "MESSAGE_REMOVED";
    /// <summary>Compatible: a message moved among its siblings (message indexes are read against the writer's schema).</summary>
    public const string MessageMoved = "MESSAGE_MOVED";
    /// <summary>Compatible: an enum type was added.</summary>
    public const string EnumAdded = "ENUM_ADDED";
    /// <summary>Compatible: an enum type no field uses was removed (a field that used it reports its own type change).</summary>
    public const string EnumRemoved = "ENUM_REMOVED";

    // Fields
    /// <summary>Compatible: a field was added (old data simply lacks it).</summary>
    public const string FieldAdded = "FIELD_ADDED";
    /// <summary>Compatible: a field was removed and its number and name reserved.</summary>
    public const string FieldRemoved = "FIELD_REMOVED";
    /// <summary>Compatible on the wire, but flagged: a field was removed without reserving its number and name, so a later version may reuse them (Buf FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED / _NAME_RESERVED).</summary>
    public const string FieldRemovedWithoutReservation = "FIELD_REMOVED_WITHOUT_RESERVATION";
    /// <summary>Breaking: a field uses a number or name the old schema reserved (old data may hold the retired field there).</summary>
    public const string ReservedFieldReused = "RESERVED_FIELD_REUSED";
    /// <summary>Breaking: a required field was added (old data lacks it).</summary>
    public const string RequiredFieldAdded = "REQUIRED_FIELD_ADDED";
    /// <summary>Breaking: a required field was removed (Confluent and Buf MESSAGE_SAME_REQUIRED_FIELDS).</summary>
    public const string RequiredFieldRemoved = "REQUIRED_FIELD_REMOVED";
    /// <summary>Compatible: a field number kept its type under another name (the wire carries numbers; Buf FIELD_SAME_NAME is a source/JSON rule).</summary>
    public const string FieldNameChanged = "FIELD_NAME_CHANGED";
    /// <summary>Compatible: the JSON name changed (binary data is unaffected; JSON documents use the new name).</summary>
    public const string FieldJsonNameChanged = "FIELD_JSON_NAME_CHANGED";
    /// <summary>Breaking: the field went between scalar (or enum), message and map.</summary>
    public const string FieldKindChanged = "FIELD_KIND_CHANGED";
    /// <summary>Breaking: a scalar type changed to one with another wire encoding (int32 to sint32, fixed32 to fixed64, float to double, bytes to string).</summary>
    public const string FieldScalarKindChanged = "FIELD_SCALAR_KIND_CHANGED";
    /// <summary>Compatible: a scalar type changed within its wire group (int32/uint32/int64/uint64/bool/enum, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string to bytes).</summary>
    public const string FieldWireCompatibleTypeChanged = "FIELD_WIRE_COMPATIBLE_TYPE_CHANGED";
    /// <summary>Breaking: a message field now has another message type.</summary>
    public const string FieldNamedTypeChanged = "FIELD_NAMED_TYPE_CHANGED";
    /// <summary>Compatible: an enum field now has another enum type (both are varints on the wire).</summary>
    public const string FieldEnumTypeChanged = "FIELD_ENUM_TYPE_CHANGED";
    /// <summary>Compatible: presence tracking changed (proto3 implicit to optional or back): same encoding.</summary>
    public const string FieldPresenceChanged = "FIELD_PRESENCE_CHANGED";
    /// <summary>Compatible: a singular field became repeated (parsers read packed and unpacked values; a single value is a list of one).</summary>
    public const string FieldCardinalityWidened = "FIELD_CARDINALITY_WIDENED";
    /// <summary>Breaking: a repeated field became singular (packed numbers are unreadable; other types keep only the last value).</summary>
    public const string FieldCardinalityNarrowed = "FIELD_CARDINALITY_NARROWED";
    /// <summary>Breaking: a field became required or stopped being required (Buf MESSAGE_SAME_REQUIRED_FIELDS).</summary>
    public const string FieldRequiredChanged = "FIELD_REQUIRED_CHANGED";
    /// <summary>Breaking: a proto2 default changed, so an absent field reads as another value (Buf FIELD_SAME_DEFAULT).</summary>
    public const string FieldDefaultChanged = "FIELD_DEFAULT_CHANGED";

    // Oneofs
    /// <summary>Compatible: a oneof was added (with at most one member that was a plain field).</summary>
    public const string OneofAdded = "ONEOF_ADDED";
    /// <summary>Compatible: a oneof was removed (its members report their own removal).</summary>
    public const string OneofRemoved = "ONEOF_REMOVED";
    /// <summary>Compatible: a new field joined an existing oneof.</summary>
    public const string OneofFieldAdded = "ONEOF_FIELD_ADDED";
    /// <summary>Breaking: a member left an existing oneof (data that set it now reads as no member set).</summary>
    public const string OneofFieldRemoved = "ONEOF_FIELD_REMOVED";
    /// <summary>Breaking: several plain fields moved into one new oneof (old data may set more than one).</summary>
    public const string MultipleFieldsMovedToOneof = "MULTIPLE_FIELDS_MOVED_TO_ONEOF";
    /// <summary>Breaking: a plain field moved into an existing oneof (old data may set it and another member).</summary>
    public const string FieldMovedToExistingOneof = "FIELD_MOVED_TO_EXISTING_ONEOF";
    /// <summary>Compatible: a field left its oneof and became plain (old data sets at most one of them).</summary>
    public const string FieldMovedOutOfOneof = "FIELD_MOVED_OUT_OF_ONEOF";
    /// <summary>Breaking: a field moved from one oneof to another.</summary>
    public const string FieldOneofChanged = "FIELD_ONEOF_CHANGED";

    // Reserved and extensions
    /// <summary>Compatible: numbers or names were reserved.</summary>
    public const string ReservedAdded = "RESERVED_ADDED";
    /// <summary>Compatible for this pair, flagged: a reservation was dropped, so a later version may reuse a retired number (Buf RESERVED_MESSAGE_NO_DELETE).</summary>
    public const string ReservedRemoved = "RESERVED_REMOVED";
    /// <summary>Annotation: the extension ranges changed.</summary>
    public const string ExtensionRangesChanged = "EXTENSION_RANGES_CHANGED";

    // Enum values
    /// <summary>Compatible: an enum value was added.</summary>
    public const string EnumValueAdded = "ENUM_VALUE_ADDED";
    /// <summary>Compatible: a value of an open (proto3) enum was removed: readers keep the unknown number.</summary>
    public const string EnumValueRemoved = "ENUM_VALUE_REMOVED";
    /// <summary>Breaking: a value of a closed (proto2) enum was removed: readers drop the unknown number.</summary>
    public const string ClosedEnumValueRemoved = "CLOSED_ENUM_VALUE_REMOVED";
    /// <summary>Compatible: a number kept its meaning under another name (Confluent ENUM_CONST_CHANGED; JSON uses names).</summary>
    public const string EnumValueRenamed = "ENUM_VALUE_RENAMED";
    /// <summary>Breaking: a value name now has another number, so old data decodes to another value.</summary>
    public const string EnumValueNumberChanged = "ENUM_VALUE_NUMBER_CHANGED";
    /// <summary>Breaking: an enum value uses a number or name the old enum reserved.</summary>
    public const string ReservedEnumValueReused = "RESERVED_ENUM_VALUE_REUSED";

    // Services: calls, not data
    /// <summary>Annotation: a service was added.</summary>
    public const string ServiceAdded = "SERVICE_ADDED";
    /// <summary>Annotation: a service was removed.</summary>
    public const string ServiceRemoved = "SERVICE_REMOVED";
    /// <summary>Annotation: an rpc was added.</summary>
    public const string RpcAdded = "RPC_ADDED";
    /// <summary>Annotation: an rpc was removed.</summary>
    public const string RpcRemoved = "RPC_REMOVED";
    /// <summary>Annotation: an rpc's request or response type or streaming changed.</summary>
    public const string RpcChanged = "RPC_CHANGED";

    /// <summary>Every kind with its impact.</summary>
    public static FrozenDictionary<string, ChangeImpact> Impacts { get; } = new Dictionary<string, ChangeImpact>
    {
        [SyntaxChanged] = ChangeImpact.Breaking,
        [PackageChanged] = ChangeImpact.Breaking,
        [ImportAdded] = ChangeImpact.Annotation,
        [ImportRemoved] = ChangeImpact.Annotation,
        [OptionAdded] = ChangeImpact.Annotation,
        [OptionRemoved] = ChangeImpact.Annotation,
        [OptionChanged] = ChangeImpact.Annotation,
        [MessageAdded] = ChangeImpact.Compatible,
        [MessageRemoved] = ChangeImpact.Breaking,
        [MessageMoved] = ChangeImpact.Compatible,
        [EnumAdded] = ChangeImpact.Compatible,
        [EnumRemoved] = ChangeImpact.Compatible,
        [FieldAdded] = ChangeImpact.Compatible,
        [FieldRemoved] = ChangeImpact.Compatible,
        [FieldRemovedWithoutReservation] = ChangeImpact.Compatible,
        [ReservedFieldReused] = ChangeImpact.Breaking,
        [RequiredFieldAdded] = ChangeImpact.Breaking,
        [RequiredFieldRemoved] = ChangeImpact.Breaking,
        [FieldNameChanged] = ChangeImpact.Compatible,
        [FieldJsonNameChanged] = ChangeImpact.Compatible,
        [FieldKindChanged] = ChangeImpact.Breaking,
        [FieldScalarKindChanged] = ChangeImpact.Breaking,
        [FieldWireCompatibleTypeChanged] = ChangeImpact.Compatible,
        [FieldNamedTypeChanged] = ChangeImpact.Breaking,
        [FieldEnumTypeChanged] = ChangeImpact.Compatible,
        [FieldPresenceChanged] = ChangeImpact.Compatible,
        [FieldCardinalityWidened] = ChangeImpact.Compatible,
        [FieldCardinalityNarrowed] = ChangeImpact.Breaking,
        [FieldRequiredChanged] = ChangeImpact.Breaking,
        [FieldDefaultChanged] = ChangeImpact.Breaking,
        [OneofAdded] = ChangeImpact.Compatible,
        [OneofRemoved] = ChangeImpact.Compatible,
        [OneofFieldAdded] = ChangeImpact.Compatible,
        [OneofFieldRemoved] = ChangeImpact.Breaking,
        [MultipleFieldsMovedToOneof] = ChangeImpact.Breaking,
        [FieldMovedToExistingOneof] = ChangeImpact.Breaking,
        [FieldMovedOutOfOneof] = ChangeImpact.Compatible,
        [FieldOneofChanged] = ChangeImpact.Breaking,
        [ReservedAdded] = ChangeImpact.Compatible,
        [ReservedRemoved] = ChangeImpact.Compatible,
        [ExtensionRangesChanged] = ChangeImpact.Annotation,
        [EnumValueAdded] = ChangeImpact.Compatible,
        [EnumValueRemoved] = ChangeImpact.Compatible,
        [ClosedEnumValueRemoved] = ChangeImpact.Breaking,
        [EnumValueRenamed] = ChangeImpact.Compatible,
        [EnumValueNumberChanged] = ChangeImpact.Breaking,
        [ReservedEnumValueReused] = ChangeImpact.Breaking,
        [ServiceAdded] = ChangeImpact.Annotation,
        [ServiceRemoved] = ChangeImpact.Annotation,
        [RpcAdded] = ChangeImpact.Annotation,
        [RpcRemoved] = ChangeImpact.Annotation,
        [RpcChanged] = ChangeImpact.Annotation,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
