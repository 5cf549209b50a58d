using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Compatibility;

/// <summary>
/// Can a reader using one schema decode every datum written with another? A port of Java Avro's
/// <c>SchemaCompatibility.ReaderWriterCompatibilityChecker</c> (1.10+), the checker Confluent runs, with its rules
/// and its quirks: promotions int to long/float/double, long to float/double, float to double, string to and from
/// bytes; names compared unqualified, reader aliases applied (writer aliases ignored); every writer union branch must
/// be readable (an empty writer union always is); record fields matched by name and reader aliases, a reader field
/// missing in the writer needs a default; the enum default covers unknown symbols; logical types, docs, orders and
/// properties ignored; recursion broken by assuming compatible (memoized on the identity of the schema pair). Every
/// incompatibility is collected, in the order Java finds them.
/// <para>
/// One deliberate difference: Java restarts its location at the root when it checks a reader against each branch of
/// a writer union; here the location stays where the check is, so the path points at the real place (the verdict is
/// the same).
/// </para>
/// </summary>
internal sealed class ReaderWriterChecker
{
    private static readonly Result InProgress = new(true, []);
    private static readonly Result Ok = new(true, []);

    private readonly Dictionary<(AvroSchemaNode Reader, AvroSchemaNode Writer), Result> _memo = new(PairComparer.Instance);
    private List<string> _location = [];

    /// <summary>Every incompatibility of reading <paramref name="writer"/>'s data with <paramref name="reader"/>.</summary>
    public IReadOnlyList<Incompatibility> Check(AvroSchemaNode reader, AvroSchemaNode writer)
    {
        _location = [];
        try
        {
            return [.. Compatibility(reader, writer, token: "").Incompatibilities.Distinct()];
        }
        catch (AmbiguousFieldException e)
        {
            // Java throws here and Confluent reports the whole check as one "unexpected exception" message.
            return [e.Incompatibility];
        }
    }

    /// <summary>True when <paramref name="reader"/> reads everything written with <paramref name="writer"/> (shares the memo).</summary>
    public bool IsCompatible(AvroSchemaNode reader, AvroSchemaNode writer)
    {
        try
        {
            return Fresh(reader, writer).Compatible;
        }
        catch (AmbiguousFieldException)
        {
            return false;
        }
    }

    private Result Compatibility(AvroSchemaNode reader, AvroSchemaNode writer, string? token)
    {
        if (token is not null) _location.Add(token);
        Result result;
        if (_memo.TryGetValue((reader, writer), out var known))
        {
            // A pair already being checked further up is a recursive type: compatible unless proven otherwise.
            result = ReferenceEquals(known, InProgress) ? Ok : known;
        }
        else
        {
            _memo[(reader, writer)] = InProgress;
            result = Calculate(reader, writer);
            _memo[(reader, writer)] = result;
        }
        if (token is not null) _location.RemoveAt(_location.Count - 1);
        return result;
    }

    /// <summary>Java's two-argument <c>getCompatibility</c>: a check with a location of its own, used for a verdict only.</summary>
    private Result Fresh(AvroSchemaNode reader, AvroSchemaNode writer)
    {
        var saved = _location;
        _location = [];
        try
        {
            return Compatibility(reader, writer, token: "");
        }
        finally
        {
            _location = saved;
        }
    }

    private Result Calculate(AvroSchemaNode reader, AvroSchemaNode writer)
    {
        if (reader.Kind == writer.Kind)
        {
            switch (reader)
            {
                case AvroArray array:
                    return Compatibility(array.Items, ((AvroArray)writer).Items, "items");
                case AvroMap map:
                    return Compatibility(map.Values, ((AvroMap)writer).Values, "values");
                case AvroFixed fixedType:
                    return Merge(CheckNames(fixedType, (AvroNamed)writer), CheckSize(fixedType, (AvroFixed)writer));
                case AvroEnum enumeration:
                    return Merge(CheckNames(enumeration, (AvroNamed)writer), CheckSymbols(enumeration, (AvroEnum)writer));
                case AvroRecord record:
                    return Merge(CheckNames(record, (AvroNamed)writer), CheckFields(record, (AvroRecord)writer));
                case AvroUnion:
                    var result = Ok;
                    var branches = ((AvroUnion)writer).Branches;
                    for (var i = 0; i < branches.Count; i++)
                    {
                        _location.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        if (!Fresh(reader, branches[i]).Compatible)
                            result = Merge(result, Incompatible(IncompatibilityType.MissingUnionBranch, $"reader union lacking writer type: {branches[i].Kind.JavaName()}"));
                        _location.RemoveAt(_location.Count - 1);
                    }
                    return result;
                default:
                    return Ok; // same primitive
            }
        }

        if (writer is AvroUnion writerUnion)
        {
            // Every writer branch must be readable by the (non-union) reader.
            var result = Ok;
            foreach (var branch in writerUnion.Branches) result = Merge(result, Compatibility(reader, branch, token: null));
            return result;
        }

        switch (reader.Kind)
        {
            case AvroKind.Long when writer.Kind == AvroKind.Int:
            case AvroKind.Float when writer.Kind is AvroKind.Int or AvroKind.Long:
            case AvroKind.Double when writer.Kind is AvroKind.Int or AvroKind.Long or AvroKind.Float:
            case AvroKind.Bytes when writer.Kind == AvroKind.String:
            case AvroKind.String when writer.Kind == AvroKind.Bytes:
                return Ok;
            case AvroKind.Union:
                foreach (var branch in ((AvroUnion)reader).Branches)
                {
                    if (Fresh(branch, writer).Compatible) return Ok;
                }
                return Incompatible(IncompatibilityType.MissingUnionBranch, $"reader union lacking writer type: {writer.Kind.JavaName()}");
            default:
                return Incompatible(IncompatibilityType.TypeMismatch, $"reader type: {reader.Kind.JavaName()} not compatible with writer type: {writer.Kind.JavaName()}");
        }
    }

    private Result CheckNames(AvroNamed reader, AvroNamed writer)
    {
        _location.Add("name");
        var result = NamesMatch(reader, writer) ? Ok : Incompatible(IncompatibilityType.NameMismatch, $"expected: {writer.Name.FullName}");
        _location.RemoveAt(_location.Count - 1);
        return result;
    }

    /// <summary>Java's <c>schemaNameEquals</c>: unqualified names equal, or a reader alias is the writer's full name.</summary>
    public static bool NamesMatch(AvroNamed reader, AvroNamed writer) =>
        string.Equals(reader.Name.Simple, writer.Name.Simple, StringComparison.Ordinal)
        || reader.Aliases.Any(alias => string.Equals(alias.FullName, writer.Name.FullName, StringComparison.Ordinal));

    private Result CheckSize(AvroFixed reader, AvroFixed writer)
    {
        _location.Add("size");
        var result = reader.Size == writer.Size ? Ok : Incompatible(IncompatibilityType.FixedSizeMismatch, $"expected: {writer.Size}, found: {reader.Size}");
        _location.RemoveAt(_location.Count - 1);
        return result;
    }

    private Result CheckSymbols(AvroEnum reader, AvroEnum writer)
    {
        _location.Add("symbols");
        var missing = writer.Symbols.Except(reader.Symbols, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var result = missing.Count == 0 || reader.Default is not null
            ? Ok
            : Incompatible(IncompatibilityType.MissingEnumSymbols, "[" + string.Join(", ", missing) + "]");
        _location.RemoveAt(_location.Count - 1);
        return result;
    }

    private Result CheckFields(AvroRecord reader, AvroRecord writer)
    {
        var result = Ok;
        _location.Add("fields");
        foreach (var field in reader.Fields)
        {
            _location.Add(field.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var writerField = WriterField(writer, field);
            if (writerField is not null)
            {
                result = Merge(result, Compatibility(field.Type, writerField.Type, "type"));
            }
            else if (field.Default is null)
            {
                // Java's quirk: an enum with a default is checked against the writer *record*, which never matches.
                result = field.Type is AvroEnum { Default: not null }
                    ? Merge(result, Compatibility(field.Type, writer, "type"))
                    : Merge(result, Incompatible(IncompatibilityType.ReaderFieldMissingDefaultValue, field.Name));
            }
            _location.RemoveAt(_location.Count - 1);
        }
        _location.RemoveAt(_location.Count - 1);
        return result;
    }

    /// <summary>The writer field a reader field reads: by its name or one of its aliases; more than one is an error.</summary>
    private AvroField? WriterField(AvroRecord writer, AvroField readerField)
    {
        var matches = new List<AvroField>(1);
        if (writer.Field(readerField.Name) is { } direct) matches.Add(direct);
        foreach (var alias in readerField.Aliases)
        {
            if (writer.Field(alias) is { } aliased) matches.Add(aliased);
        }
        if (matches.Count > 1)
        {
            throw new AmbiguousFieldException(new Incompatibility(IncompatibilityType.ReaderFieldMatchesMultipleWriterFields, Location(),
                $"Reader record field {readerField.Name} matches multiple fields in writer record schema {writer.Name.FullName}: {string.Join(", ", matches.Select(m => m.Name))}"));
        }
        return matches.Count == 1 ? matches[0] : null;
    }

    private Result Incompatible(string type, string detail) => new(false, [new Incompatibility(type, Location(), detail)]);

    /// <summary>The location as a JSON pointer ("" for the root, which Java prints as "/").</summary>
    private string Location()
    {
        var pointer = "";
        for (var i = 1; i < _location.Count; i++) pointer = Pointer.Append(pointer, _location[i]);
        return pointer;
    }

    private static Result Merge(Result first, Result second)
    {
        if (second.Compatible && second.Incompatibilities.Count == 0) return first;
        if (first.Compatible && first.Incompatibilities.Count == 0) return second;
        return new Result(first.Compatible && second.Compatible, [.. first.Incompatibilities, .. second.Incompatibilities]);
    }

    private sealed record Result(bool Compatible, IReadOnlyList<Incompatibility> Incompatibilities);

    private sealed class AmbiguousFieldException(Incompatibility incompatibility) : Exception(incompatibility.Detail)
    {
        public Incompatibility Incompatibility { get; } = incompatibility;
    }

    private sealed class PairComparer : IEqualityComparer<(AvroSchemaNode Reader, AvroSchemaNode Writer)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((AvroSchemaNode Reader, AvroSchemaNode Writer) x, (AvroSchemaNode Reader, AvroSchemaNode Writer) y) =>
            ReferenceEquals(x.Reader, y.Reader) && ReferenceEquals(x.Writer, y.Writer);

        public int GetHashCode((AvroSchemaNode Reader, AvroSchemaNode Writer) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Reader), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Writer));
    }
}
