using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Enum symbols and the enum default. Resolution matches symbols by name: new symbols and a new order read old data;
/// lost symbols read it only through the reader's enum default (without one, the checker's MISSING_ENUM_SYMBOLS).
/// </summary>
internal static class EnumRules
{
    public static void Compare(DiffContext context, AvroEnum reader, AvroEnum writer, string path)
    {
        var symbols = AvroDiff.At(path, "symbols");
        var added = reader.Symbols.Except(writer.Symbols, StringComparer.Ordinal).ToList();
        var removed = writer.Symbols.Except(reader.Symbols, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
            context.Add(AvroChangeKinds.EnumSymbolAdded, symbols, $"{reader.Name} gained the symbols [{string.Join(", ", added)}].");
        if (removed.Count > 0 && reader.Default is not null)
            context.Add(AvroChangeKinds.EnumSymbolRemovedCoveredByDefault, symbols,
                $"{reader.Name} lost the symbols [{string.Join(", ", removed)}]; readers map them to the default {reader.Default}.");
        var keptAfter = reader.Symbols.Where(writer.Symbols.Contains).ToList();
        var keptBefore = writer.Symbols.Where(reader.Symbols.Contains).ToList();
        if (!keptAfter.SequenceEqual(keptBefore, StringComparer.Ordinal))
            context.Add(AvroChangeKinds.EnumSymbolsReordered, symbols, $"The symbols of {reader.Name} changed order; they are matched by name.");

        var at = AvroDiff.At(path, "default");
        if (reader.Default == writer.Default) return;
        if (writer.Default is null) context.Add(AvroChangeKinds.EnumDefaultAdded, at, $"{reader.Name} gained the default symbol {reader.Default}.");
        else if (reader.Default is null) context.Add(AvroChangeKinds.EnumDefaultRemoved, at, $"{reader.Name} lost its default symbol {writer.Default}.");
        else context.Add(AvroChangeKinds.EnumDefaultChanged, at, $"The default symbol of {reader.Name} changed from {writer.Default} to {reader.Default}.");
    }
}
