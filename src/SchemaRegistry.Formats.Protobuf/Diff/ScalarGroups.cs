using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff;

/// <summary>
/// Scalar types that share a wire encoding, so a reader of one reads values written as another (the language guide's
/// "Updating a message type" and Buf's FIELD_WIRE_COMPATIBLE_TYPE): varints (int32, uint32, int64, uint64, bool and
/// enums, values truncated as in C++ when narrowed), zig-zag varints (sint32, sint64), 4-byte (fixed32, sfixed32),
/// 8-byte (fixed64, sfixed64) and length-delimited (string, bytes). float and double are each alone.
/// </summary>
internal static class ScalarGroups
{
    public enum Group
    {
        Varint,
        ZigZag,
        Fixed32,
        Fixed64,
        LengthDelimited,
        Float,
        Double,
    }

    public static Group Of(FieldKind kind) => kind switch
    {
        FieldKind.Int32 or FieldKind.UInt32 or FieldKind.Int64 or FieldKind.UInt64 or FieldKind.Bool or FieldKind.Enum => Group.Varint,
        FieldKind.SInt32 or FieldKind.SInt64 => Group.ZigZag,
        FieldKind.Fixed32 or FieldKind.SFixed32 => Group.Fixed32,
        FieldKind.Fixed64 or FieldKind.SFixed64 => Group.Fixed64,
        FieldKind.String or FieldKind.Bytes => Group.LengthDelimited,
        FieldKind.Float => Group.Float,
        FieldKind.Double => Group.Double,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Messages have no scalar group."),
    };

    /// <summary>The type as written in .proto (<c>int32</c>, or the enum's name).</summary>
    public static string Describe(FieldModel field) => field.Kind switch
    {
        FieldKind.Enum or FieldKind.Message => field.TypeName ?? field.Kind.ToString(),
        _ => field.Kind.ToString().ToLowerInvariant(),
    };
}
