namespace SchemaRegistry.Testing;

/// <summary>
/// One Protobuf compatibility case: an old and a new file, the change kinds the diff must report (as a set), whether
/// the new file reads data written with the old one (BACKWARD), and the rule it exercises. Written from the Protobuf
/// language guide ("Updating A Message Type"), Buf's breaking-change rules (bufbreakingv2 rule ids) and Confluent's
/// protobuf diff (Difference.Type); where those disagree the expected verdict is ours and the rule column says why.
/// </summary>
/// <param name="Id">The case number (docs/formats.protobuf.md uses the same).</param>
/// <param name="Rule">The Buf rule id and/or Confluent Difference type the case exercises.</param>
/// <param name="Title">What changes.</param>
/// <param name="Old">The old file.</param>
/// <param name="New">The new file.</param>
/// <param name="Kinds">The change kinds the diff must report.</param>
/// <param name="Backward">Whether the new file reads data written with the old one.</param>
/// <param name="Path">A path one of the changes must have.</param>
/// <param name="OldImport">Text of <c>home.proto</c> the old file imports (referenced), if any.</param>
/// <param name="NewImport">Text of <c>home.proto</c> the new file imports (a later version), if any.</param>
public sealed record ProtobufCompatibilityCase(
    int Id, string Rule, string Title, string Old, string New, string[] Kinds, bool Backward, string? Path = null,
    string? OldImport = null, string? NewImport = null)
{
    public override string ToString() => $"#{Id} {Title}";
}

/// <summary>The conformance table (docs/formats.protobuf.md lists it with the same numbers).</summary>
public static class ProtobufCompatibilityCases
{
    private const string Head = "syntax = \"proto3\";\npackage p;\n";
    private const string Head2 = "syntax = \"proto2\";\npackage p;\n";
    private const string Base = Head + "message M { string a = 1; int32 b = 2; }\n";
    private static string P3(string body) => Head + body + "\n";
    private static string P2(string body) => Head2 + body + "\n";
    private static string Field(string type) => P3($"message M {{ string a = 1; {type} b = 2; }}");

    public static IReadOnlyList<ProtobufCompatibilityCase> All { get; } =
    [
        new(1, "Buf all categories pass; Confluent none", "identical files", Base, Base, [], true),
        new(2, "Confluent FIELD_ADDED", "a field is added", Base, P3("message M { string a = 1; int32 b = 2; string c = 3; }"), ["FIELD_ADDED"], true, "/messages/M/fields/3"),
        new(3, "Buf FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED (WIRE); Confluent FIELD_REMOVED (compatible)", "a field is removed without reserving it", Base, P3("message M { string a = 1; }"), ["FIELD_REMOVED_WITHOUT_RESERVATION"], true, "/messages/M/fields/2"),
        new(4, "Buf FIELD_NO_DELETE_UNLESS_NAME_RESERVED (WIRE_JSON)", "a field is removed, only its number reserved", Base, P3("message M { reserved 2; string a = 1; }"), ["FIELD_REMOVED_WITHOUT_RESERVATION", "RESERVED_ADDED"], true),
        new(5, "Buf FIELD_NO_DELETE_UNLESS_*_RESERVED satisfied", "a field is removed, number and name reserved", Base, P3("message M { reserved 2; reserved \"b\"; string a = 1; }"), ["FIELD_REMOVED", "RESERVED_ADDED"], true, "/messages/M/fields/2"),
        new(6, "Buf FIELD_SAME_NAME (WIRE_JSON, FILE); Confluent FIELD_NAME_CHANGED (compatible)", "a field is renamed", Base, P3("message M { string a = 1; int32 bb = 2; }"), ["FIELD_NAME_CHANGED"], true, "/messages/M/fields/2"),
        new(7, "Confluent FIELD_REMOVED + FIELD_ADDED", "a field is renumbered", Base, P3("message M { string a = 3; int32 b = 2; }"), ["FIELD_ADDED", "FIELD_REMOVED_WITHOUT_RESERVATION"], true),
        new(8, "Buf FIELD_WIRE_COMPATIBLE_TYPE group {int32,uint32,int64,uint64,bool}", "int32 to int64", Field("int32"), Field("int64"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true, "/messages/M/fields/2"),
        new(9, "Buf FIELD_WIRE_COMPATIBLE_TYPE group {int32,uint32,int64,uint64,bool}", "int32 to uint32", Field("int32"), Field("uint32"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(10, "Buf FIELD_WIRE_COMPATIBLE_TYPE group {int32,uint32,int64,uint64,bool}", "int32 to bool", Field("int32"), Field("bool"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(11, "Buf FIELD_WIRE_COMPATIBLE_TYPE; Confluent FIELD_SCALAR_KIND_CHANGED", "int32 to sint32 (zig-zag)", Field("int32"), Field("sint32"), ["FIELD_SCALAR_KIND_CHANGED"], false, "/messages/M/fields/2"),
        new(12, "Buf FIELD_WIRE_COMPATIBLE_TYPE group {sint32,sint64}", "sint32 to sint64", Field("sint32"), Field("sint64"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(13, "Buf FIELD_WIRE_COMPATIBLE_TYPE group {fixed32,sfixed32}", "fixed32 to sfixed32", Field("fixed32"), Field("sfixed32"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(14, "Buf FIELD_WIRE_COMPATIBLE_TYPE; Confluent FIELD_SCALAR_KIND_CHANGED", "fixed32 to fixed64", Field("fixed32"), Field("fixed64"), ["FIELD_SCALAR_KIND_CHANGED"], false),
        new(15, "Buf FIELD_WIRE_COMPATIBLE_TYPE; Confluent FIELD_SCALAR_KIND_CHANGED", "float to double", Field("float"), Field("double"), ["FIELD_SCALAR_KIND_CHANGED"], false),
        new(16, "Buf FIELD_WIRE_COMPATIBLE_TYPE (string to bytes allowed)", "string to bytes", Field("string"), Field("bytes"), ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(17, "Buf FIELD_WIRE_COMPATIBLE_TYPE (bytes to string refused; Confluent allows)", "bytes to string", Field("bytes"), Field("string"), ["FIELD_SCALAR_KIND_CHANGED"], false),
        new(18, "Language guide: enum is wire-compatible with int32; Confluent GENERAL_NUMBER group", "int32 to a new enum", Field("int32"), P3("message M { string a = 1; Status b = 2; }\nenum Status { S0 = 0; S1 = 1; }"), ["ENUM_ADDED", "FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(19, "Language guide: enum to int32; Confluent ENUM_REMOVED (compatible)", "an enum field to int32, enum deleted", P3("message M { string a = 1; Status b = 2; }\nenum Status { S0 = 0; S1 = 1; }"), Field("int32"), ["ENUM_REMOVED", "FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"], true),
        new(20, "Buf FIELD_WIRE_COMPATIBLE_TYPE; Confluent FIELD_KIND_CHANGED", "int32 to a message", Field("int32"), P3("message M { string a = 1; N b = 2; }\nmessage N { string s = 1; }"), ["MESSAGE_ADDED", "FIELD_KIND_CHANGED"], false, "/messages/M/fields/2"),
        new(21, "Buf FIELD_WIRE_COMPATIBLE_TYPE (type name); Confluent FIELD_NAMED_TYPE_CHANGED, MESSAGE_REMOVED", "a message type is renamed", P3("message M { N1 f = 2; }\nmessage N1 { string s = 1; }"), P3("message M { N2 f = 2; }\nmessage N2 { string s = 1; }"), ["MESSAGE_REMOVED", "MESSAGE_ADDED", "FIELD_NAMED_TYPE_CHANGED"], false),
        new(22, "Confluent: type names resolved before comparing", "the same type written fully qualified", P3("message M { Status s = 1; enum Status { Z = 0; } }"), P3("message M { .p.M.Status s = 1; enum Status { Z = 0; } }"), [], true),
        new(23, "Buf FIELD_WIRE_COMPATIBLE_CARDINALITY (implicit to explicit optional allowed)", "implicit presence to optional", Field("int32"), P3("message M { string a = 1; optional int32 b = 2; }"), ["FIELD_PRESENCE_CHANGED"], true, "/messages/M/fields/2"),
        new(24, "Language guide (repeated parsers accept unpacked values); Confluent FIELD_NUMERIC_LABEL_CHANGED refuses", "optional int32 to repeated (proto2)", P2("message M { optional int32 b = 2; }"), P2("message M { repeated int32 b = 2; }"), ["FIELD_CARDINALITY_WIDENED"], true),
        new(25, "Confluent FIELD_NUMERIC_LABEL_CHANGED; Buf FIELD_WIRE_COMPATIBLE_CARDINALITY", "repeated int32 to optional", P3("message M { repeated int32 b = 2; }"), P3("message M { optional int32 b = 2; }"), ["FIELD_CARDINALITY_NARROWED"], false),
        new(26, "Confluent FIELD_STRING_OR_BYTES_LABEL_CHANGED (compatible)", "optional string to repeated", P3("message M { optional string a = 1; }"), P3("message M { repeated string a = 1; }"), ["FIELD_CARDINALITY_WIDENED"], true),
        new(27, "Buf FIELD_WIRE_COMPATIBLE_CARDINALITY (Confluent does not compare message labels)", "repeated message to singular", P3("message M { repeated N n = 1; }\nmessage N {}"), P3("message M { N n = 1; }\nmessage N {}"), ["FIELD_CARDINALITY_NARROWED"], false),
        new(28, "Confluent FIELD_SCALAR_KIND_CHANGED on the map value", "map<string, int32> to map<string, string>", P3("message M { map<string, int32> m = 2; }"), P3("message M { map<string, string> m = 2; }"), ["FIELD_SCALAR_KIND_CHANGED"], false, "/messages/M/fields/2/value"),
        new(29, "Confluent: map value types resolved", "map value written fully qualified", P3("message M { map<string, Status> m = 2; }\nenum Status { Z = 0; }"), P3("message M { map<string, .p.Status> m = 2; }\nenum Status { Z = 0; }"), [], true),
        new(30, "Confluent MESSAGE_ADDED", "a message is added", Base, Base + "message N2 {}\n", ["MESSAGE_ADDED"], true, "/messages/N2"),
        new(31, "Confluent MESSAGE_REMOVED; Buf MESSAGE_NO_DELETE", "an unused message is removed", Base + "message N2 {}\n", Base, ["MESSAGE_REMOVED"], false, "/messages/N2"),
        new(32, "Confluent MESSAGE_MOVED (compatible)", "two messages swap places", P3("message M {}\nmessage N {}"), P3("message N {}\nmessage M {}"), ["MESSAGE_MOVED"], true),
        new(33, "Confluent ENUM_CONST_ADDED", "an enum value is added", P3("enum E { A = 0; B = 1; }"), P3("enum E { A = 0; B = 1; C = 2; }"), ["ENUM_VALUE_ADDED"], true, "/enums/E/values/2"),
        new(34, "Confluent ENUM_CONST_REMOVED (compatible; open enums keep unknown numbers); Buf ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", "a proto3 enum value is removed", P3("enum E { A = 0; B = 1; }"), P3("enum E { A = 0; }"), ["ENUM_VALUE_REMOVED"], true, "/enums/E/values/1"),
        new(35, "Buf ENUM_VALUE_NO_DELETE; closed enums drop unknown numbers", "a proto2 enum value is removed", P2("enum E { A = 0; B = 1; }"), P2("enum E { A = 0; }"), ["CLOSED_ENUM_VALUE_REMOVED"], false, "/enums/E/values/1"),
        new(36, "Confluent ENUM_CONST_CHANGED (compatible); Buf ENUM_VALUE_SAME_NAME (WIRE_JSON)", "an enum value is renamed", P3("enum E { A = 0; B = 1; }"), P3("enum E { A = 0; BB = 1; }"), ["ENUM_VALUE_RENAMED"], true, "/enums/E/values/1"),
        new(37, "Language guide: numbers identify values; renumbering changes the meaning of old data", "enum values are renumbered", P3("enum E { A = 0; B = 1; C = 2; }"), P3("enum E { A = 0; B = 2; C = 1; }"), ["ENUM_VALUE_NUMBER_CHANGED"], false),
        new(38, "Confluent ENUM_REMOVED (compatible); Buf ENUM_NO_DELETE (FILE)", "an unused enum is removed", Base + "enum E2 { Z = 0; }\n", Base, ["ENUM_REMOVED"], true, "/enums/E2"),
        new(39, "Buf FILE_SAME_PACKAGE (all categories); Confluent 7.x PACKAGE_CHANGED (master: compatible)", "the package changes", Base, "syntax = \"proto3\";\npackage q;\nmessage M { string a = 1; int32 b = 2; }\n", ["PACKAGE_CHANGED"], false, "/package"),
        new(40, "Language guide: moving a single field into a new oneof is safe; Confluent ONEOF_ADDED", "one field moves into a new oneof", Base, P3("message M { int32 b = 2; oneof o { string a = 1; int32 x = 3; } }"), ["ONEOF_ADDED", "FIELD_ADDED"], true, "/messages/M/oneofs/o"),
        new(41, "Confluent MULTIPLE_FIELDS_MOVED_TO_ONEOF; Buf FIELD_SAME_ONEOF", "two fields move into a new oneof", Base, P3("message M { oneof o { string a = 1; int32 b = 2; } }"), ["ONEOF_ADDED", "MULTIPLE_FIELDS_MOVED_TO_ONEOF"], false, "/messages/M/oneofs/o"),
        new(42, "Confluent ONEOF_FIELD_ADDED", "a field joins an existing oneof", P3("message M { oneof o { string a = 1; } }"), P3("message M { oneof o { string a = 1; int32 z = 4; } }"), ["ONEOF_FIELD_ADDED"], true, "/messages/M/fields/4"),
        new(43, "Confluent ONEOF_FIELD_REMOVED", "a member leaves an existing oneof", P3("message M { oneof o { string a = 1; int32 z = 4; } }"), P3("message M { oneof o { string a = 1; } }"), ["ONEOF_FIELD_REMOVED"], false, "/messages/M/fields/4"),
        new(44, "Confluent FIELD_MOVED_TO_EXISTING_ONEOF; Buf FIELD_SAME_ONEOF", "a plain field joins an existing oneof", P3("message M { string a = 1; oneof o { int32 b = 2; int32 c = 3; } }"), P3("message M { oneof o { string a = 1; int32 b = 2; int32 c = 3; } }"), ["FIELD_MOVED_TO_EXISTING_ONEOF"], false, "/messages/M/fields/1"),
        new(45, "Confluent ONEOF_REMOVED (compatible); Buf ONEOF_NO_DELETE (FILE)", "a whole oneof is removed", P3("message M { string a = 1; oneof o { string s = 5; } }"), P3("message M { string a = 1; }"), ["ONEOF_REMOVED", "FIELD_REMOVED_WITHOUT_RESERVATION"], true, "/messages/M/oneofs/o"),
        new(46, "Confluent REQUIRED_FIELD_ADDED; Buf MESSAGE_SAME_REQUIRED_FIELDS", "proto2: a required field is added", P2("message M { optional string a = 1; }"), P2("message M { optional string a = 1; required string r = 9; }"), ["REQUIRED_FIELD_ADDED"], false, "/messages/M/fields/9"),
        new(47, "Confluent REQUIRED_FIELD_REMOVED; Buf MESSAGE_SAME_REQUIRED_FIELDS", "proto2: a required field is removed", P2("message M { optional string a = 1; required string r = 9; }"), P2("message M { optional string a = 1; }"), ["REQUIRED_FIELD_REMOVED"], false),
        new(48, "Buf MESSAGE_SAME_REQUIRED_FIELDS (Confluent's label rule lets it pass)", "proto2: optional becomes required", P2("message M { optional string s = 1; }"), P2("message M { required string s = 1; }"), ["FIELD_REQUIRED_CHANGED"], false),
        new(49, "Buf FIELD_SAME_DEFAULT (all categories; Confluent does not compare defaults)", "proto2: the default changes", P2("message M { optional int32 n = 1 [default = 5]; }"), P2("message M { optional int32 n = 1 [default = 6]; }"), ["FIELD_DEFAULT_CHANGED"], false, "/messages/M/fields/1"),
        new(50, "Buf FIELD_SAME_JSON_NAME (WIRE_JSON; binary unaffected)", "json_name changes", P3("message M { string a = 1; }"), P3("message M { string a = 1 [json_name = \"alpha\"]; }"), ["FIELD_JSON_NAME_CHANGED"], true),
        new(51, "Buf RESERVED_MESSAGE_NO_DELETE (flagged, compatible for this pair)", "a reservation is dropped", P3("message M { reserved 7; string a = 1; }"), P3("message M { string a = 1; }"), ["RESERVED_REMOVED"], true, "/messages/M/reserved"),
        new(52, "Buf RESERVED_MESSAGE_NO_DELETE + reuse: old data may hold the retired field", "a reserved number is reused", P3("message M { reserved 7; string a = 1; }"), P3("message M { string a = 1; int64 g = 7; }"), ["RESERVED_REMOVED", "RESERVED_FIELD_REUSED", "FIELD_ADDED"], false, "/messages/M/fields/7"),
        new(53, "Buf FILE_SAME_SYNTAX (FILE, PACKAGE)", "proto2 to proto3", P2("message M { optional int32 x = 1; }"), P3("message M { optional int32 x = 1; }"), ["SYNTAX_CHANGED"], false, "/syntax"),
        new(54, "Confluent FIELD_ADDED at #/Wrapper/T/2", "a nested message gains a field", P3("message Wrapper { message T { string s = 1; } T t = 1; }"), P3("message Wrapper { message T { string s = 1; int32 n = 2; } T t = 1; }"), ["FIELD_ADDED"], true, "/messages/Wrapper/messages/T/fields/2"),
        new(55, "Confluent FIELD_SCALAR_KIND_CHANGED inside a referenced type (sub-context)", "an imported message changes in its new version", "syntax = \"proto3\";\npackage p;\nimport \"home.proto\";\nmessage M { home.Home h = 1; }\n", "syntax = \"proto3\";\npackage p;\nimport \"home.proto\";\nmessage M { home.Home h = 1; }\n", ["FIELD_SCALAR_KIND_CHANGED"], false, "/imports/home.proto/messages/Home/fields/1",
            "syntax = \"proto3\";\npackage home;\nmessage Home { int32 device_id = 1; }\n", "syntax = \"proto3\";\npackage home;\nmessage Home { string device_id = 1; }\n"),
        new(56, "Confluent: a new version of an import with the same content is no change", "an import moves to an identical version", "syntax = \"proto3\";\npackage p;\nimport \"home.proto\";\nmessage M { home.Home h = 1; }\n", "syntax = \"proto3\";\npackage p;\nimport \"home.proto\";\nmessage M { home.Home h = 1; }\n", [], true, null,
            "syntax = \"proto3\";\npackage home;\nmessage Home { int32 device_id = 1; }\n", "syntax = \"proto3\";\npackage home;\nmessage Home { int32 device_id = 1; }\n"),
        new(57, "Buf RPC_SAME_REQUEST_TYPE (API); Confluent ignores services: annotation here", "an rpc request type changes", P3("message A {}\nmessage B {}\nservice S { rpc Call (A) returns (B); }"), P3("message A {}\nmessage B {}\nservice S { rpc Call (B) returns (B); }"), ["RPC_CHANGED"], true, "/services/S/rpcs/Call"),
        new(58, "Buf FILE_SAME_JAVA_PACKAGE (FILE); options are annotations here", "a file option changes", P3("option java_package = \"a\";\nmessage M {}"), P3("option java_package = \"b\";\nmessage M {}"), ["OPTION_CHANGED"], true, "/options/java_package"),
        new(59, "Buf FIELD_SAME_ONEOF (old data sets at most one member: safe for the new reader)", "a field leaves its oneof", P3("message M { oneof o { string a = 1; int32 b = 2; } }"), P3("message M { string a = 1; oneof o { int32 b = 2; } }"), ["FIELD_MOVED_OUT_OF_ONEOF"], true, "/messages/M/fields/1"),
        new(60, "Comments are not part of the canonical form", "only comments change", Base, "// new comment\n" + Head + "message M {\n  // the a\n  string a = 1; /* b */ int32 b = 2;\n}\n", [], true),
        new(61, "Buf RESERVED_ENUM_NO_DELETE + reuse", "an enum value reuses a reserved number", P3("enum E { reserved 1; A = 0; }"), P3("enum E { A = 0; B = 1; }"), ["RESERVED_REMOVED", "RESERVED_ENUM_VALUE_REUSED"], false, "/enums/E/values/1"),
        new(62, "Confluent FIELD_KIND_CHANGED; Buf: message is not wire-compatible with bytes", "a message field becomes bytes", P3("message M { N n = 1; }\nmessage N {}"), P3("message M { bytes n = 1; }\nmessage N {}"), ["FIELD_KIND_CHANGED"], false, "/messages/M/fields/1"),
    ];
}
