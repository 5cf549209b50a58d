using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

/// <summary>
/// Regroups a compiled tree into <see cref="StreamNode"/>s when every subschema uses only keywords that can be decided
/// in one forward pass over the tokens: <c>type</c>, <c>enum</c>, <c>const</c>, the string and numeric keywords,
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>propertyNames</c>, property and item counts,
/// <c>items</c>/<c>prefixItems</c>, <c>uniqueItems</c>, <c>allOf</c>, <c>anyOf</c> and references to such subschemas
/// (a reader is a value: it is copied to read the same value again for each subschema). A schema with anything else
/// (<c>oneOf</c>, <c>not</c> and <c>if</c>, which need certainty that a subschema fails, <c>patternProperties</c>,
/// <c>unevaluated*</c>, dependencies, <c>contains</c>, formats only the library checks) has no stream path.
/// </summary>
internal sealed class StreamCompiler
{
    private readonly Dictionary<SchemaNode, StreamNode> _built = [];

    /// <summary>The stream path's root, or null when the schema needs the element path.</summary>
    public static StreamNode? TryBuild(SchemaNode root)
    {
        try
        {
            return new StreamCompiler().Build(root);
        }
        catch (NotStreamableException)
        {
            return null;
        }
    }

    private sealed class NotStreamableException : Exception;

    private StreamNode Build(SchemaNode node)
    {
        node = Unalias(node);
        if (_built.TryGetValue(node, out var existing)) return existing;
        var built = new StreamNode();
        _built.Add(node, built);
        if (node.Constant is { } constant)
        {
            built.Constant = constant;
            built.Seal();
            return built;
        }
        if (node.KeepsScope || node.TracksProperties || node.TracksItems) throw new NotStreamableException();
        var enums = new List<EnumCheck>();
        var consts = new List<byte[]?>();
        var strings = new List<StringCheck>();
        var numbers = new List<NumberCheck>();
        var allOf = new List<StreamNode>();
        var anyOf = new List<StreamNode[]>();
        var sawProperties = false;
        var sawItems = false;
        foreach (var check in node.Checks)
        {
            switch (check)
            {
                case TypeCheck type:
                    built.Types = built.Types is { } types ? types & type.Expected : type.Expected;
                    break;
                case EnumCheck values:
                    enums.Add(values);
                    break;
                case ConstCheck value:
                    consts.Add(value.Expected.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.Expected.GetString()!) : null);
                    break;
                case StringCheck text when text.ChecksText:
                    strings.Add(text);
                    break;
                case NumberCheck number:
                    numbers.Add(number);
                    break;
                case PropertiesCheck properties when !properties.HasPatterns && !sawProperties:
                    sawProperties = true;
                    built.PropertyNames = properties.Names;
                    built.PropertySchemas = [.. properties.Schemas.Select(schema => schema is null ? null : Build(schema))];
                    built.Additional = properties.Additional is { } additional ? Build(additional) : null;
                    built.Required = [.. properties.Required];
                    break;
                case PropertyCountCheck count:
                    built.MinProperties = Max(built.MinProperties, count.Minimum);
                    built.MaxProperties = Min(built.MaxProperties, count.Maximum);
                    break;
                case PropertyNamesCheck names when built.NameSchema is null:
                    built.NameSchema = Build(names.Schema);
                    break;
                case ItemsCheck items when !sawItems:
                    sawItems = true;
                    built.Prefix = [.. items.Prefix.Select(Build)];
                    built.Rest = items.Rest is { } rest ? Build(rest) : null;
                    break;
                case ItemCountCheck count:
                    built.MinItems = Max(built.MinItems, count.Minimum);
                    built.MaxItems = Min(built.MaxItems, count.Maximum);
                    break;
                case UniqueItemsCheck:
                    built.UniqueItems = true;
                    break;
                case AllOfCheck all:
                    allOf.AddRange(all.Branches.Select(Build));
                    break;
                case RefCheck reference:
                    allOf.Add(Build(reference.Target));
                    break;
                case AnyOfCheck any:
                    anyOf.Add([.. any.Branches.Select(Build)]);
                    break;
                default:
                    throw new NotStreamableException();
            }
        }
        built.AllOf = [.. allOf];
        built.AnyOf = [.. anyOf];
        built.Enums = [.. enums];
        built.Consts = [.. consts];
        built.Strings = [.. strings];
        built.Numbers = [.. numbers];
        built.Seal();
        return built;
    }

    /// <summary>A subschema that is only a reference stands for its target (a cycle of such is not streamable).</summary>
    private static SchemaNode Unalias(SchemaNode node)
    {
        var seen = 0;
        while (node.Constant is null && node.Checks is [RefCheck reference])
        {
            if (++seen > 64) throw new NotStreamableException();
            node = reference.Target;
        }
        return node;
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
