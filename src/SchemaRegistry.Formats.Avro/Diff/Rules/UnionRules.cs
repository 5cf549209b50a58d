using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Unions, paired as resolution pairs them: each writer branch is read by the first reader branch that can read it
/// (the checker decides), a non-union writer by the first reader branch that reads it, and a writer union by a
/// non-union reader only if every branch is readable. A writer branch no reader branch reads is the checker's
/// MISSING_UNION_BRANCH.
/// </summary>
internal static class UnionRules
{
    public static void CompareUnions(DiffContext context, AvroUnion reader, AvroUnion writer, string path, string writerPath)
    {
        var used = new bool[reader.Branches.Count];
        var order = new List<int>();
        for (var j = 0; j < writer.Branches.Count; j++)
        {
            var i = FirstReading(context, reader, writer.Branches[j]);
            if (i < 0) continue;
            used[i] = true;
            order.Add(i);
            AvroDiff.Walk(context, reader.Branches[i], writer.Branches[j], AvroDiff.At(path, i), AvroDiff.At(writerPath, j));
        }
        for (var i = 0; i < used.Length; i++)
        {
            if (!used[i]) context.Add(AvroChangeKinds.UnionBranchAdded, AvroDiff.At(path, i), $"The union gained the branch {reader.Branches[i].BranchName}.");
        }
        for (var k = 1; k < order.Count; k++)
        {
            if (order[k] >= order[k - 1]) continue;
            context.Add(AvroChangeKinds.UnionBranchesReordered, path, "The union's branches changed order; they are matched by type.");
            break;
        }
    }

    /// <summary>A non-union reader of what used to be a union.</summary>
    public static void ReaderOfWriterUnion(DiffContext context, AvroSchemaNode reader, AvroUnion writer, string path, string writerPath)
    {
        var all = true;
        for (var j = 0; j < writer.Branches.Count; j++)
        {
            if (!context.Checker.IsCompatible(reader, writer.Branches[j]))
            {
                all = false;
                continue;
            }
            AvroDiff.Walk(context, reader, writer.Branches[j], path, AvroDiff.At(writerPath, j));
        }
        if (all)
            context.Add(AvroChangeKinds.UnionNarrowedToType, path, $"The union [{string.Join(", ", writer.Branches.Select(b => b.BranchName))}] became {reader.BranchName}, which reads every old branch.");
    }

    /// <summary>A union reader of what used to be a single type.</summary>
    public static void ReaderUnionOfWriter(DiffContext context, AvroUnion reader, AvroSchemaNode writer, string path, string writerPath)
    {
        var i = FirstReading(context, reader, writer);
        if (i < 0) return;
        context.Add(AvroChangeKinds.TypeWidenedToUnion, path, $"{writer.BranchName} became the union [{string.Join(", ", reader.Branches.Select(b => b.BranchName))}].");
        AvroDiff.Walk(context, reader.Branches[i], writer, AvroDiff.At(path, i), writerPath);
    }

    /// <summary>
    /// The reader branch that reads a writer type, chosen as Java's resolving decoder chooses it (<c>bestBranch</c>):
    /// the same type (for named types the same full name, then the same unqualified name or an alias), and only then
    /// the first branch that reads it by promotion. So <c>["string", "bytes"]</c> reads bytes as bytes, not as string.
    /// </summary>
    private static int FirstReading(DiffContext context, AvroUnion reader, AvroSchemaNode writer)
    {
        var branches = reader.Branches;
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i].Kind == writer.Kind && (writer is not AvroNamed named || ((AvroNamed)branches[i]).Name.Equals(named.Name))) return i;
        }
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i].Kind == writer.Kind && writer is AvroNamed named
                && Compatibility.ReaderWriterChecker.NamesMatch((AvroNamed)branches[i], named) && context.Checker.IsCompatible(branches[i], writer)) return i;
        }
        for (var i = 0; i < branches.Count; i++)
        {
            if (context.Checker.IsCompatible(branches[i], writer)) return i;
        }
        return -1;
    }
}
