using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SchemaRegistry.Formats.Avro.Tests.Properties;

/// <summary>
/// Random Avro schemas as a small tree, printed to JSON. Names come from a small pool (a record R with fields a..d, an
/// enum E, a fixed F, an inner record I) so that two independently drawn schemas are often related: compatible,
/// promoted, missing a default, short of a symbol. A name met again in one schema refers to its first definition.
/// </summary>
internal static class SchemaGenerators
{
    private static readonly string[] Primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    public abstract record Node;
    public sealed record Primitive(string Name) : Node;
    public sealed record ArrayOf(Node Items) : Node;
    public sealed record MapOf(Node Values) : Node;
    public sealed record UnionOf(IReadOnlyList<Node> Branches) : Node;
    public sealed record EnumOf(IReadOnlyList<string> Symbols, bool HasDefault) : Node;
    public sealed record FixedOf(int Size) : Node;
    public sealed record RecordOf(string Name, IReadOnlyList<FieldOf> Fields) : Node;
    public sealed record FieldOf(string Name, Node Type, bool HasDefault, string? Alias);

    /// <summary>A top-level record R.</summary>
    public static Gen<string> Schema() => Record("R", 2).Select(Print);

    /// <summary>A record R and an edit of it (one to three steps), or an unrelated record: both printed.</summary>
    public static Gen<(string A, string B)> Pair() =>
        from a in Record("R", 2)
        from steps in Gen.Choose(0, 3)
        from b in Gen.Frequency((4, Edit((RecordOf)a, steps)), (1, Record("R", 2)))
        select (Print(a), Print(b));

    private static Gen<Node> Edit(RecordOf record, int steps)
    {
        if (steps == 0) return Gen.Constant((Node)record);
        return Step(record).SelectMany(next => Edit(next, steps - 1));
    }

    /// <summary>One edit of the top-level fields: the kinds of change schemas go through.</summary>
    private static Gen<RecordOf> Step(RecordOf record)
    {
        var fields = record.Fields;
        Gen<RecordOf> With(Func<List<FieldOf>, Gen<List<FieldOf>>> change) => change([.. fields]).Select(f => record with { Fields = f });
        var edits = new List<Gen<RecordOf>>
        {
            // A new field, with or without a default.
            from type in Type(1)
            from hasDefault in Gen.Elements(true, false)
            select record with { Fields = fields.Any(f => f.Name == "e") ? fields : [.. fields, new FieldOf("e", type, hasDefault, null)] },
            // A new optional field.
            Gen.Constant(record with { Fields = fields.Any(f => f.Name == "o") ? fields : [.. fields, new FieldOf("o", new UnionOf([new Primitive("null"), new Primitive("string")]), true, null)] }),
        };
        if (fields.Count == 0) return Gen.OneOf(edits);
        edits.Add(Gen.Choose(0, fields.Count - 1).Select(i => record with { Fields = [.. fields.Where((_, j) => j != i)] }));
        edits.Add(With(list => Gen.Choose(0, list.Count - 1).Select(i =>
        {
            list[i] = list[i] with { Type = Widen(list[i].Type) };
            return list;
        })));
        edits.Add(With(list => Gen.Choose(0, list.Count - 1).Select(i =>
        {
            list[i] = list[i] with { HasDefault = !list[i].HasDefault };
            return list;
        })));
        edits.Add(With(list => Gen.Choose(0, list.Count - 1).Select(i =>
        {
            list[i] = list[i] with { Type = list[i].Type is UnionOf ? list[i].Type : new UnionOf([new Primitive("null"), list[i].Type]) };
            return list;
        })));
        edits.Add(Gen.Constant(record with { Fields = [.. fields.Reverse()] }));
        return Gen.OneOf(edits);
    }

    /// <summary>A promotion or an enum change, else the type itself.</summary>
    private static Node Widen(Node type) => type switch
    {
        Primitive { Name: "int" } => new Primitive("long"),
        Primitive { Name: "long" } => new Primitive("double"),
        Primitive { Name: "float" } => new Primitive("double"),
        Primitive { Name: "string" } => new Primitive("bytes"),
        Primitive { Name: "bytes" } => new Primitive("string"),
        EnumOf e when e.Symbols.Count < 3 => e with { Symbols = [.. e.Symbols, new[] { "A", "B", "C" }.First(s => !e.Symbols.Contains(s))] },
        EnumOf e => e with { Symbols = [.. e.Symbols.Skip(1)] },
        ArrayOf a => a with { Items = Widen(a.Items) },
        MapOf m => m with { Values = Widen(m.Values) },
        _ => type,
    };

    private static Gen<Node> Type(int depth)
    {
        var leaves = new List<Gen<Node>>
        {
            Gen.Elements(Primitives).Select(p => (Node)new Primitive(p)),
            Gen.Elements(Primitives).Select(p => (Node)new Primitive(p)),
            Gen.SubListOf("A", "B", "C").Where(s => s.Count > 0).Zip(Gen.Elements(true, false)).Select(t => (Node)new EnumOf([.. t.Item1], t.Item2)),
            Gen.Elements(2, 4).Select(s => (Node)new FixedOf(s)),
            Gen.SubListOf(Primitives).Where(s => s.Count is > 0 and <= 3).Select(s => (Node)new UnionOf([.. s.Select(p => (Node)new Primitive(p))])),
        };
        if (depth <= 0) return Gen.OneOf(leaves);
        var inner = Type(depth - 1);
        return Gen.OneOf([
            .. leaves,
            inner.Where(t => t is not UnionOf).Select(t => (Node)new ArrayOf(t)),
            inner.Where(t => t is not UnionOf).Select(t => (Node)new MapOf(t)),
            Gen.Elements("null", "int", "string").Zip(inner.Where(t => t is not UnionOf)).Select(t => (Node)new UnionOf([new Primitive(t.Item1), t.Item2])),
            Record("I", depth - 1),
        ]);
    }

    private static Gen<Node> Record(string name, int depth)
    {
        var field =
            from type in Type(depth)
            from hasDefault in Gen.Elements(true, false, false)
            from alias in Gen.Elements<string?>(null, null, null, "a", "old")
            select (Type: type, HasDefault: hasDefault, Alias: alias);
        return
            from names in Gen.SubListOf("a", "b", "c", "d")
            from fields in Gen.ListOf(field, names.Count)
            select (Node)new RecordOf(name, [.. names.Zip(fields, (n, f) => new FieldOf(n, f.Type, f.HasDefault, f.Alias == n ? null : f.Alias))]);
    }

    /// <summary>The schema as JSON text.</summary>
    public static string Print(Node root)
    {
        var builder = new StringBuilder();
        new Printer(builder).Write(root);
        return builder.ToString();
    }

    private sealed class Printer(StringBuilder text)
    {
        private readonly HashSet<string> _defined = [];
        private readonly HashSet<string> _open = [];
        private IReadOnlyList<string> _enumSymbols = [];

        public void Write(Node node)
        {
            switch (node)
            {
                case Primitive p:
                    text.Append('"').Append(p.Name).Append('"');
                    break;
                case ArrayOf a:
                    text.Append("{\"type\":\"array\",\"items\":");
                    Write(a.Items);
                    text.Append('}');
                    break;
                case MapOf m:
                    text.Append("{\"type\":\"map\",\"values\":");
                    Write(m.Values);
                    text.Append('}');
                    break;
                case UnionOf u:
                    text.Append('[');
                    var keys = new HashSet<string>();
                    var first = true;
                    foreach (var branch in u.Branches)
                    {
                        if (!keys.Add(Key(branch))) continue;
                        if (!first) text.Append(',');
                        first = false;
                        Write(branch);
                    }
                    text.Append(']');
                    break;
                case RecordOf inner when _open.Contains(inner.Name):
                    // A record that must contain itself has no finite value: cut the cycle.
                    text.Append("\"null\"");
                    break;
                case EnumOf or FixedOf or RecordOf when !_defined.Add(Key(node)):
                    text.Append('"').Append(Key(node)).Append('"');
                    break;
                case EnumOf e:
                    _enumSymbols = e.Symbols;
                    text.Append("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[").Append(string.Join(",", e.Symbols.Select(s => $"\"{s}\""))).Append(']');
                    if (e.HasDefault) text.Append(",\"default\":\"").Append(e.Symbols[0]).Append('"');
                    text.Append('}');
                    break;
                case FixedOf f:
                    text.Append("{\"type\":\"fixed\",\"name\":\"F\",\"size\":").Append(f.Size.ToString(CultureInfo.InvariantCulture)).Append('}');
                    break;
                case RecordOf r:
                    _open.Add(r.Name);
                    var aliases = new HashSet<string>();
                    text.Append("{\"type\":\"record\",\"name\":\"").Append(r.Name).Append("\",\"fields\":[");
                    for (var i = 0; i < r.Fields.Count; i++)
                    {
                        var field = r.Fields[i];
                        if (i > 0) text.Append(',');
                        text.Append("{\"name\":\"").Append(field.Name).Append("\",\"type\":");
                        Write(field.Type);
                        if (field.HasDefault && Default(field.Type) is { } value) text.Append(",\"default\":").Append(value);
                        if (field.Alias is not null && r.Fields.All(f => f.Name != field.Alias) && aliases.Add(field.Alias)) text.Append(",\"aliases\":[\"").Append(field.Alias).Append("\"]");
                        text.Append('}');
                    }
                    text.Append("]}");
                    _open.Remove(r.Name);
                    break;
            }
        }

        private static string Key(Node node) => node switch
        {
            Primitive p => p.Name,
            ArrayOf => "array",
            MapOf => "map",
            EnumOf => "E",
            FixedOf => "F",
            RecordOf r => r.Name,
            _ => "union",
        };

        /// <summary>A valid default for simple types (typed by a union's first branch), or null for none.</summary>
        private string? Default(Node type) => type switch
        {
            Primitive { Name: "null" } => "null",
            Primitive { Name: "boolean" } => "false",
            Primitive { Name: "int" or "long" } => "0",
            Primitive { Name: "float" or "double" } => "0.5",
            Primitive { Name: "bytes" or "string" } => "\"\\u00ff\"",
            EnumOf => $"\"{_enumSymbols[0]}\"", // the enum as first defined in this schema
            ArrayOf => "[]",
            MapOf => "{}",
            UnionOf u => u.Branches.Count > 0 ? Default(u.Branches[0]) : null,
            _ => null,
        };
    }
}
