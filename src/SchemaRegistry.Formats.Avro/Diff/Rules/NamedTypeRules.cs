using SchemaRegistry.Formats.Avro.Compatibility;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Names, docs and aliases of records, enums and fixed types. Resolution compares unqualified names and applies the
/// reader's aliases, so a new namespace, or a new name with an alias for the old one, still reads old data; a new
/// name without one is the checker's NAME_MISMATCH.
/// </summary>
internal static class NamedTypeRules
{
    public static void Compare(DiffContext context, AvroNamed reader, AvroNamed writer, string path)
    {
        var name = AvroDiff.At(path, "name");
        if (reader.Name.FullName != writer.Name.FullName)
        {
            if (reader.Name.Simple == writer.Name.Simple)
                context.Add(AvroChangeKinds.NamespaceChanged, name, $"{writer.Name} moved to {reader.Name}; resolution compares unqualified names.");
            else if (ReaderWriterChecker.NamesMatch(reader, writer))
                context.Add(AvroChangeKinds.NameChangedWithAlias, name, $"{writer.Name} was renamed {reader.Name}, which keeps the old name as an alias.");
        }
        if (reader.Doc != writer.Doc)
            context.Add(AvroChangeKinds.DocChanged, AvroDiff.At(path, "doc"), $"The doc of {reader.Name} changed.");
        var after = reader.Aliases.Select(a => a.FullName).Order(StringComparer.Ordinal).ToList();
        var before = writer.Aliases.Select(a => a.FullName).Order(StringComparer.Ordinal).ToList();
        if (!after.SequenceEqual(before, StringComparer.Ordinal))
            context.Add(AvroChangeKinds.AliasesChanged, AvroDiff.At(path, "aliases"), $"The aliases of {reader.Name} changed from [{string.Join(", ", before)}] to [{string.Join(", ", after)}].");
    }
}
