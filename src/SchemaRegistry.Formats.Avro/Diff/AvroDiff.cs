using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Compatibility;
using SchemaRegistry.Formats.Avro.Diff.Rules;
using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Diff;

/// <summary>
/// Every change from a writer schema (the previous version) to a reader schema (the new one). Breaking changes are
/// the incompatibilities of Avro's schema resolution (<see cref="ReaderWriterChecker"/>, Java's checker as Confluent
/// runs it) plus the logical type rules of the specification; the walk below pairs the two schemas the way resolution
/// does (fields by name and alias, union branches by the first reader branch that reads them, promotions) and reports
/// everything else as compatible structure or annotation. Paths point into the reader (new) schema, except for
/// something removed, which points into the writer (old) one.
/// </summary>
internal static class AvroDiff
{
    public static IReadOnlyList<SchemaChange> Compare(AvroSchemaNode reader, AvroSchemaNode writer)
    {
        var checker = new ReaderWriterChecker();
        var changes = checker.Check(reader, writer).Select(Describe).ToList();
        var context = new DiffContext(checker);
        Walk(context, reader, writer, "", "");
        changes.AddRange(context.Changes);
        return changes;
    }

    /// <summary>Compares one reader node with the writer node it reads.</summary>
    public static void Walk(DiffContext context, AvroSchemaNode reader, AvroSchemaNode writer, string path, string writerPath)
    {
        if (!context.FirstVisit(reader, writer)) return;
        if (reader.Kind == writer.Kind)
        {
            AnnotationRules.CompareProperties(context, reader, writer, path);
            LogicalTypeDiff.Compare(context, reader, writer, path);
            switch (reader)
            {
                case AvroArray array:
                    Walk(context, array.Items, ((AvroArray)writer).Items, path + "/items", writerPath + "/items");
                    break;
                case AvroMap map:
                    Walk(context, map.Values, ((AvroMap)writer).Values, path + "/values", writerPath + "/values");
                    break;
                case AvroUnion union:
                    UnionRules.CompareUnions(context, union, (AvroUnion)writer, path, writerPath);
                    break;
                case AvroNamed named:
                    NamedTypeRules.Compare(context, named, (AvroNamed)writer, path);
                    if (named is AvroRecord record) RecordRules.Compare(context, record, (AvroRecord)writer, path, writerPath);
                    else if (named is AvroEnum enumeration) EnumRules.Compare(context, enumeration, (AvroEnum)writer, path);
                    break;
            }
            return;
        }
        if (writer is AvroUnion writerUnion)
        {
            UnionRules.ReaderOfWriterUnion(context, reader, writerUnion, path, writerPath);
        }
        else if (reader is AvroUnion readerUnion)
        {
            UnionRules.ReaderUnionOfWriter(context, readerUnion, writer, path, writerPath);
        }
        else if (TypeRules.IsPromotion(reader.Kind, writer.Kind))
        {
            context.Add(AvroChangeKinds.TypePromoted, path, $"The type was promoted from {writer.Kind.Name()} to {reader.Kind.Name()}; old values are converted when read."
                + (reader.Kind is AvroKind.String or AvroKind.Bytes ? $" {TypeRules.NotReadByDotNet}." : ""));
            AnnotationRules.CompareProperties(context, reader, writer, path);
            LogicalTypeDiff.Compare(context, reader, writer, path);
        }
        // Anything else does not resolve: the checker has reported it.
    }

    private static SchemaChange Describe(Incompatibility incompatibility)
    {
        var message = incompatibility.Type switch
        {
            IncompatibilityType.NameMismatch => $"The reader's name matches neither the writer's name nor a reader alias ({incompatibility.Detail}).",
            IncompatibilityType.FixedSizeMismatch => $"The fixed size differs ({incompatibility.Detail}).",
            IncompatibilityType.MissingEnumSymbols => $"The reader's enum has no default and lacks symbols the writer may write: {incompatibility.Detail}.",
            IncompatibilityType.ReaderFieldMissingDefaultValue => $"The reader's field '{incompatibility.Detail}' is missing in the writer's record and has no default value.",
            IncompatibilityType.TypeMismatch => $"The types do not resolve: {incompatibility.Detail}.",
            IncompatibilityType.MissingUnionBranch => $"No branch of the reader's union reads the writer's type: {incompatibility.Detail}.",
            _ => incompatibility.Detail,
        };
        return new SchemaChange(incompatibility.Type, incompatibility.Location, message, AvroChangeKinds.Info(incompatibility.Type).Impact);
    }

    /// <summary>A path one token deeper.</summary>
    public static string At(string path, string token) => Pointer.Append(path, token);

    /// <summary>A path one index deeper.</summary>
    public static string At(string path, int index) => Pointer.Append(path, index);
}
