using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// Validates data in Avro's JSON encoding against a schema, strictly (Apache.Avro's <c>JsonDecoder</c> rounds 1.5
/// into an int, ignores unknown fields and trailing text, and reports no location). Compiled once per schema into a
/// tree of checks (named types once, so recursive types are fine); a valid document is checked without allocating, an
/// invalid one is walked again to explain every error with its instance path and schema path.
/// </summary>
internal sealed class AvroJsonValidator : IDataValidator
{
    private readonly ValueCheck _root;

    private AvroJsonValidator(ValueCheck root) => _root = root;

    /// <summary>The engine name reported in schema metadata.</summary>
    public string Engine => "avro-json";

    /// <summary>Builds the validator of a schema.</summary>
    public static AvroJsonValidator Compile(AvroSchemaNode root) => new(new Compiler().Build(root, ""));

    /// <inheritdoc />
    public ValidationOutcome Validate(JsonElement instance)
    {
        if (_root.Accepts(instance, 0)) return ValidationOutcome.Valid;
        var errors = new List<ValidationError>();
        _root.Collect(instance, "", errors, 0);
        if (errors.Count == 0) errors.Add(new ValidationError("", _root.SchemaPath, "depth", $"The value nests deeper than {ValueCheck.MaxDepth} levels."));
        return ValidationOutcome.Invalid(errors);
    }

    /// <summary>Turns schema nodes into checks; a named type becomes one check, shared by every use.</summary>
    private sealed class Compiler
    {
        private readonly Dictionary<AvroNamed, ValueCheck> _named = new(ReferenceEqualityComparer.Instance);

        public ValueCheck Build(AvroSchemaNode node, string path)
        {
            if (node is AvroNamed named && _named.TryGetValue(named, out var known)) return known;
            switch (node)
            {
                case AvroRecord record:
                    var recordCheck = new RecordCheck(record.Name.FullName, path);
                    _named[record] = recordCheck;
                    recordCheck.SetFields(record.Fields.Select(f =>
                    {
                        var fieldPath = Pointer.Append(Pointer.Append(path, "fields"), f.Position);
                        return (f.Name, Build(f.Type, Pointer.Append(fieldPath, "type")), fieldPath);
                    }).ToList());
                    return recordCheck;
                case AvroEnum enumeration:
                    return _named[enumeration] = new EnumCheck(enumeration.Symbols, path);
                case AvroFixed fixedType:
                    return _named[fixedType] = new FixedCheck(fixedType.Size, path);
                case AvroArray array:
                    var arrayCheck = new ArrayCheck(path);
                    arrayCheck.Items = Build(array.Items, Pointer.Append(path, "items"));
                    return arrayCheck;
                case AvroMap map:
                    var mapCheck = new MapCheck(path);
                    mapCheck.Values = Build(map.Values, Pointer.Append(path, "values"));
                    return mapCheck;
                case AvroUnion union:
                    var unionCheck = new UnionCheck(path);
                    unionCheck.SetBranches(union.Branches.Select((b, i) => (b.BranchName, Build(b, Pointer.Append(path, i)))).ToList());
                    return unionCheck;
                case { Kind: AvroKind.Bytes }:
                    return new BytesCheck(path);
                default:
                    return new PrimitiveCheck(node.Kind, path);
            }
        }
    }
}
