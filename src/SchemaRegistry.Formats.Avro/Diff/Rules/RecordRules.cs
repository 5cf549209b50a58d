using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Parsing;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Record fields, matched as resolution matches them: a reader field reads the writer field of its name or of one of
/// its aliases. A reader field without a writer field is filled from its default (without one, the checker's
/// READER_FIELD_MISSING_DEFAULT_VALUE); a writer field no reader field reads is skipped. A field's doc, aliases,
/// default (used only when a writer lacks the field), sort order and properties are annotations.
/// </summary>
internal static class RecordRules
{
    public static void Compare(DiffContext context, AvroRecord reader, AvroRecord writer, string path, string writerPath)
    {
        if (reader.IsError != writer.IsError)
            context.Add(AvroChangeKinds.RecordErrorFlagChanged, AvroDiff.At(path, "type"), $"{reader.Name} is now {(reader.IsError ? "an error" : "a record")}.");
        var read = new HashSet<AvroField>(ReferenceEqualityComparer.Instance);
        var writerPositions = new List<int>();
        foreach (var field in reader.Fields)
        {
            var at = AvroDiff.At(AvroDiff.At(path, "fields"), field.Position);
            var source = WriterField(writer, field);
            if (source is null)
            {
                if (field.Default is { } value)
                    context.Add(AvroChangeKinds.FieldAddedWithDefault, at, $"The field {field.Name} was added with the default {JsonShow.Of(value)}, which readers use for old data.");
                continue;
            }
            read.Add(source);
            writerPositions.Add(source.Position);
            if (source.Name != field.Name)
                context.Add(AvroChangeKinds.FieldRenamedWithAlias, AvroDiff.At(at, "name"),
                    $"The field {source.Name} was renamed {field.Name}, which keeps the old name as an alias. {TypeRules.NotReadByDotNet}.");
            CompareAnnotations(context, field, source, at);
            AvroDiff.Walk(context, field.Type, source.Type, AvroDiff.At(at, "type"), AvroDiff.At(AvroDiff.At(AvroDiff.At(writerPath, "fields"), source.Position), "type"));
        }
        foreach (var field in writer.Fields.Where(f => !read.Contains(f)))
        {
            context.Add(AvroChangeKinds.FieldRemoved, AvroDiff.At(AvroDiff.At(writerPath, "fields"), field.Position),
                $"The field {field.Name} was removed; readers skip it in old data.");
        }
        for (var i = 1; i < writerPositions.Count; i++)
        {
            if (writerPositions[i] > writerPositions[i - 1]) continue;
            context.Add(AvroChangeKinds.FieldsReordered, AvroDiff.At(path, "fields"), $"The fields of {reader.Name} changed order; they are matched by name.");
            break;
        }
    }

    /// <summary>The writer field a reader field reads (by name, then aliases); null when none or ambiguous (the checker reports that).</summary>
    private static AvroField? WriterField(AvroRecord writer, AvroField field)
    {
        var matches = field.Aliases.Select(writer.Field).Prepend(writer.Field(field.Name)).OfType<AvroField>().ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static void CompareAnnotations(DiffContext context, AvroField field, AvroField source, string at)
    {
        if (field.Doc != source.Doc)
            context.Add(AvroChangeKinds.FieldDocChanged, AvroDiff.At(at, "doc"), $"The doc of the field {field.Name} changed.");
        var after = field.Aliases.Order(StringComparer.Ordinal).ToList();
        var before = source.Aliases.Order(StringComparer.Ordinal).ToList();
        if (!after.SequenceEqual(before, StringComparer.Ordinal))
            context.Add(AvroChangeKinds.FieldAliasesChanged, AvroDiff.At(at, "aliases"), $"The aliases of the field {field.Name} changed from [{string.Join(", ", before)}] to [{string.Join(", ", after)}].");
        var defaultAt = AvroDiff.At(at, "default");
        switch (field.Default, source.Default)
        {
            case (null, { } old):
                context.Add(AvroChangeKinds.FieldDefaultRemoved, defaultAt, $"The field {field.Name} lost its default {JsonShow.Of(old)}.");
                break;
            case ({ } now, null):
                context.Add(AvroChangeKinds.FieldDefaultAdded, defaultAt, $"The field {field.Name} gained the default {JsonShow.Of(now)}.");
                break;
            case ({ } now, { } old) when !AnnotationRules.Same(now, old):
                context.Add(AvroChangeKinds.FieldDefaultChanged, defaultAt, $"The default of the field {field.Name} changed from {JsonShow.Of(old)} to {JsonShow.Of(now)}.");
                break;
        }
        if (field.Order != source.Order)
            context.Add(AvroChangeKinds.FieldOrderChanged, AvroDiff.At(at, "order"), $"The sort order of the field {field.Name} changed from {source.Order} to {field.Order}.");
        AnnotationRules.Compare(context, field.Properties, source.Properties, at);
    }
}
