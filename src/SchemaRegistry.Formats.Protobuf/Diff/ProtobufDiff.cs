using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Diff.Rules;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff;

/// <summary>
/// Every change between two versions of a .proto file, judged at the wire level. Declarations are matched as
/// Confluent matches them: messages and enums by simple name within their scope, fields by number, oneofs by name, enum
/// values by number; types a field takes from an import are followed into the referenced version. Each rule family
/// is one class under <c>Rules/</c>.
/// </summary>
internal static class ProtobufDiff
{
    public static IReadOnlyList<SchemaChange> Compare(SchemaModel old, SchemaModel updated)
    {
        var context = new DiffContext();
        FileRules.Compare(old.Main, updated.Main, context);
        TypeSetRules.Compare(old.Main.Messages, old.Main.Enums, updated.Main.Messages, updated.Main.Enums, context);
        ServiceRules.Compare(old.Main, updated.Main, context);
        context.CompareScheduled();
        return context.Changes;
    }
}
