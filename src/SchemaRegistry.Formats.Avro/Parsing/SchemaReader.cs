using System.Globalization;
using System.Text.Json;
using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Reads one schema document into the model, following Java Avro's <c>Schema.parse</c> (the parser Confluent runs, with
/// name and default validation on): the same names, namespaces, reserved keys and messages, each located by a JSON
/// pointer into the document. Named types go into a table shared with the referenced schemas read before, which is how
/// a schema names types of other subjects.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly HashSet<string> SchemaReserved = new(StringComparer.Ordinal)
    {
        "doc", "fields", "items", "name", "namespace", "size", "symbols", "values", "type", "aliases",
    };

    private static readonly HashSet<string> EnumReserved = new(SchemaReserved, StringComparer.Ordinal) { "default" };

    private static readonly HashSet<string> FieldReserved = new(StringComparer.Ordinal)
    {
        "default", "doc", "name", "order", "type", "aliases",
    };

    private readonly Dictionary<string, AvroNamed> _names;
    private readonly bool _fromReference;
    private string? _space;

    /// <param name="names">Named types by full name, shared by every document of one parse.</param>
    /// <param name="fromReference">True while reading a referenced schema (its types are marked so).</param>
    public SchemaReader(Dictionary<string, AvroNamed> names, bool fromReference)
    {
        _names = names;
        _fromReference = fromReference;
    }

    /// <summary>Reads a whole document.</summary>
    public AvroSchemaNode ReadDocument(JsonElement root) => Read(root, "");

    private AvroSchemaNode Read(JsonElement element, string pointer) => element.ValueKind switch
    {
        JsonValueKind.String => ReadName(element.GetString()!, pointer),
        JsonValueKind.Array => ReadUnion(element, pointer),
        JsonValueKind.Object => ReadObject(element, pointer),
        _ => throw new AvroSchemaException(pointer, $"Schema not yet supported: {JsonShow.Of(element)} (a schema is a type name, an object or a union array)."),
    };

    private AvroSchemaNode ReadName(string text, string pointer)
    {
        if (AvroKinds.TryGetPrimitive(text, out var kind)) return Primitive(kind);
        return Resolve(text) ?? throw new AvroSchemaException(pointer, $"Undefined name: \"{text}\"");
    }

    /// <summary>Java's name lookup: the name in the namespace in force, then in no namespace.</summary>
    private AvroNamed? Resolve(string written)
    {
        if (_names.TryGetValue(AvroName.Of(written, _space).FullName, out var named)) return named;
        return !written.Contains('.', StringComparison.Ordinal) && _names.TryGetValue(written, out named) ? named : null;
    }

    private AvroUnion ReadUnion(JsonElement element, string pointer)
    {
        var branches = new List<AvroSchemaNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = Pointer.Append(pointer, index++);
            var branch = Read(item, at);
            if (branch is AvroUnion) throw new AvroSchemaException(at, "Nested union: a union may not immediately contain another union.");
            if (!seen.Add(branch.BranchName)) throw new AvroSchemaException(at, $"Duplicate in union: {branch.BranchName}");
            branches.Add(branch);
        }
        return new AvroUnion(branches);
    }

    private AvroSchemaNode ReadObject(JsonElement element, string pointer)
    {
        if (!element.TryGetProperty("type", out var typeElement))
            throw new AvroSchemaException(pointer, $"No type: {JsonShow.Of(element)}");
        if (typeElement.ValueKind == JsonValueKind.Object) return ReadNestedDefinition(element, typeElement, pointer);
        if (typeElement.ValueKind != JsonValueKind.String)
            throw new AvroSchemaException(pointer + "/type", $"No type: {JsonShow.Of(element)} (\"type\" must be a type name or a definition).");
        var type = typeElement.GetString()!;
        AvroSchemaNode node;
        switch (type)
        {
            case "record" or "error":
                return ReadRecord(element, pointer, isError: type == "error");
            case "enum":
                return ReadEnum(element, pointer);
            case "fixed":
                return ReadFixed(element, pointer);
            case "array":
                if (!element.TryGetProperty("items", out var items)) throw new AvroSchemaException(pointer, $"Array has no items type: {JsonShow.Of(element)}");
                node = new AvroArray(Read(items, pointer + "/items"));
                break;
            case "map":
                if (!element.TryGetProperty("values", out var values)) throw new AvroSchemaException(pointer, $"Map has no values type: {JsonShow.Of(element)}");
                node = new AvroMap(Read(values, pointer + "/values"));
                break;
            default:
                if (AvroKinds.TryGetPrimitive(type, out var kind))
                {
                    node = new AvroPrimitive(kind);
                    break;
                }
                // {"type": "SomeRecord"}: a reference to a named type, whatever else the object holds (Java).
                return Resolve(type) ?? throw new AvroSchemaException(pointer + "/type", $"Type not supported: {type}");
        }
        node.Properties = Properties(element, SchemaReserved);
        LogicalTypeRules.Recognise(node, pointer);
        return node;
    }

    /// <summary>
    /// <c>{"type": {definition}, "logicalType": ...}</c>: Apache.Avro (C#) prints a logical type over a fixed this way,
    /// so the .NET serializers send it. Java refuses it ("No type"); it is read here as the inner definition with the
    /// outer properties added, so .NET clients can register such schemas. The canonical form is Java's flat one.
    /// </summary>
    private AvroSchemaNode ReadNestedDefinition(JsonElement element, JsonElement inner, string pointer)
    {
        // Only a definition made right here may take the outer properties: a name would point at a shared type.
        if (!IsDefinition(inner)) throw new AvroSchemaException(pointer + "/type", $"No type: {JsonShow.Of(element)}");
        var node = Read(inner, pointer + "/type");
        // The outer properties first, in their order (C# prints logicalType there, then precision and scale, which
        // is how schemas are usually written), then inner ones the outer object does not repeat.
        var outer = Properties(element, SchemaReserved);
        node.Properties = [.. outer, .. node.Properties.Where(p => !outer.Exists(o => o.Name == p.Name))];
        node.Logical = null;
        LogicalTypeRules.Recognise(node, pointer);
        return node;
    }

    private static bool IsDefinition(JsonElement element)
    {
        if (!element.TryGetProperty("type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.Object) return IsDefinition(type);
        return type.ValueKind == JsonValueKind.String
            && (type.GetString() is "record" or "error" or "enum" or "fixed" or "array" or "map" || AvroKinds.TryGetPrimitive(type.GetString()!, out _));
    }

    private AvroRecord ReadRecord(JsonElement element, string pointer, bool isError)
    {
        var (name, doc) = ReadNameAndDoc(element, pointer);
        var record = new AvroRecord(name, doc, isError);
        Define(record, pointer);
        var saved = _space;
        _space = name.Namespace;
        if (!element.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException(pointer, $"Record has no fields: {JsonShow.Of(element)}");
        var fields = new List<AvroField>();
        var fieldNames = new HashSet<string>(StringComparer.Ordinal);
        var aliasNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fieldElement in fieldsElement.EnumerateArray())
        {
            var at = Pointer.Append(pointer + "/fields", fields.Count);
            var field = ReadField(fieldElement, at, fields.Count);
            if (!fieldNames.Add(field.Name) || aliasNames.Contains(field.Name))
                throw new AvroSchemaException(at, $"Duplicate field {field.Name} in record {name.FullName}.");
            // Java lets two fields share an alias (a reader would then match both); Apache.Avro refuses it, and so do we.
            foreach (var alias in field.Aliases)
            {
                if (fieldNames.Contains(alias) || !aliasNames.Add(alias))
                    throw new AvroSchemaException(at + "/aliases", $"The alias {alias} of field {field.Name} is already a field name or alias in record {name.FullName}.");
            }
            fields.Add(field);
        }
        record.SetFields(fields);
        record.Properties = Properties(element, SchemaReserved);
        LogicalTypeRules.Recognise(record, pointer);
        _space = saved;
        record.Aliases = ReadAliases(element, pointer, name.Namespace);
        return record;
    }

    private AvroField ReadField(JsonElement element, string pointer, int position)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            throw new AvroSchemaException(pointer, $"No field name: {JsonShow.Of(element)}");
        var name = nameElement.GetString()!;
        NameRules.Check(name, pointer + "/name", "field name");
        if (!element.TryGetProperty("type", out var typeElement))
            throw new AvroSchemaException(pointer, $"No field type: {JsonShow.Of(element)}");
        if (typeElement.ValueKind == JsonValueKind.String && !AvroKinds.TryGetPrimitive(typeElement.GetString()!, out _) && Resolve(typeElement.GetString()!) is null)
            throw new AvroSchemaException(pointer + "/type",
                $"\"{typeElement.GetString()}\" is not a defined name. The type of the \"{name}\" field must be a defined name or a {{\"type\": ...}} expression.");
        var type = Read(typeElement, pointer + "/type");
        var order = FieldOrder.Ascending;
        if (element.TryGetProperty("order", out var orderElement))
        {
            order = orderElement.ValueKind == JsonValueKind.String ? orderElement.GetString()!.ToUpperInvariant() switch
            {
                "ASCENDING" => FieldOrder.Ascending,
                "DESCENDING" => FieldOrder.Descending,
                "IGNORE" => FieldOrder.Ignore,
                _ => throw InvalidOrder(pointer, orderElement),
            } : throw InvalidOrder(pointer, orderElement);
        }
        JsonElement? @default = null;
        if (element.TryGetProperty("default", out var defaultElement))
        {
            @default = TextualFloatDefault(type, defaultElement, pointer, name) ?? defaultElement;
            if (!DefaultRules.IsValid(type, @default.Value))
                throw new AvroSchemaException(pointer + "/default",
                    $"Invalid default for field {name}: {JsonShow.Of(defaultElement)} not a {Describe(type)}");
        }
        var aliases = new List<string>();
        foreach (var alias in ReadStrings(element, "aliases", pointer))
        {
            // Java does not check field aliases; Apache.Avro (.NET) refuses invalid ones, so they are checked here.
            NameRules.Check(alias, pointer + "/aliases", "field alias");
            if (!aliases.Contains(alias)) aliases.Add(alias);
        }
        return new AvroField(name, position, type)
        {
            Doc = OptionalString(element, "doc", pointer),
            Default = @default,
            Order = order,
            Aliases = aliases,
            Properties = Properties(element, FieldReserved),
        };
    }

    private static AvroSchemaException InvalidOrder(string pointer, JsonElement value) =>
        new(pointer + "/order", $"Invalid order {JsonShow.Of(value)}: use \"ascending\", \"descending\" or \"ignore\".");

    /// <summary>
    /// Java turns a textual default of a float or double field into a number (<c>Double.valueOf</c>), so
    /// <c>"default": "1.5"</c> is 1.5 and <c>"NaN"</c> stays a non-finite double (printed as the string again).
    /// </summary>
    private static JsonElement? TextualFloatDefault(AvroSchemaNode type, JsonElement value, string pointer, string field)
    {
        if (type.Kind is not (AvroKind.Float or AvroKind.Double) || value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString()!.Trim();
        if (text is "NaN" or "Infinity" or "+Infinity" or "-Infinity")
            return JsonSerializer.SerializeToElement(text == "+Infinity" ? "Infinity" : text);
        var number = text.Length > 1 && text[^1] is 'd' or 'D' or 'f' or 'F' ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            throw new AvroSchemaException(pointer + "/default", $"Invalid default for field {field}: \"{text}\" is not a number.");
        return JsonSerializer.SerializeToElement(parsed);
    }

    private AvroEnum ReadEnum(JsonElement element, string pointer)
    {
        var (name, doc) = ReadNameAndDoc(element, pointer);
        if (!element.TryGetProperty("symbols", out var symbolsElement) || symbolsElement.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException(pointer, $"Enum has no symbols: {JsonShow.Of(element)}");
        var symbols = new List<string>();
        var index = 0;
        foreach (var symbolElement in symbolsElement.EnumerateArray())
        {
            var at = Pointer.Append(pointer + "/symbols", index++);
            if (symbolElement.ValueKind != JsonValueKind.String) throw new AvroSchemaException(at, "Null name (an enum symbol must be a string).");
            var symbol = symbolElement.GetString()!;
            NameRules.Check(symbol, at, "enum symbol");
            if (symbols.Contains(symbol)) throw new AvroSchemaException(at, $"Duplicate enum symbol: {symbol}");
            symbols.Add(symbol);
        }
        string? @default = null;
        if (element.TryGetProperty("default", out var defaultElement))
        {
            if (defaultElement.ValueKind != JsonValueKind.String || !symbols.Contains(defaultElement.GetString()!))
                throw new AvroSchemaException(pointer + "/default",
                    $"The Enum Default: {JsonShow.Of(defaultElement)} is not in the enum symbol set: [{string.Join(", ", symbols)}]");
            @default = defaultElement.GetString();
        }
        var node = new AvroEnum(name, doc, symbols, @default);
        Define(node, pointer);
        node.Properties = Properties(element, EnumReserved);
        LogicalTypeRules.Recognise(node, pointer);
        node.Aliases = ReadAliases(element, pointer, name.Namespace);
        return node;
    }

    private AvroFixed ReadFixed(JsonElement element, string pointer)
    {
        var (name, doc) = ReadNameAndDoc(element, pointer);
        if (!element.TryGetProperty("size", out var sizeElement) || !JsonShow.IsIntegerLiteral(sizeElement) || !sizeElement.TryGetInt32(out var size))
            throw new AvroSchemaException(pointer, $"Invalid or no size: {JsonShow.Of(element)}");
        if (size < 0) throw new AvroSchemaException(pointer + "/size", $"Invalid fixed size: {size}");
        var node = new AvroFixed(name, doc, size);
        Define(node, pointer);
        node.Properties = Properties(element, SchemaReserved);
        LogicalTypeRules.Recognise(node, pointer);
        node.Aliases = ReadAliases(element, pointer, name.Namespace);
        return node;
    }

    private (AvroName Name, string? Doc) ReadNameAndDoc(JsonElement element, string pointer)
    {
        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            throw new AvroSchemaException(pointer, $"No name in schema: {JsonShow.Of(element)}");
        var written = nameElement.GetString()!;
        NameRules.CheckQualified(written, pointer + "/name", "name");
        var space = OptionalString(element, "namespace", pointer) ?? _space;
        var name = AvroName.Of(written, space);
        if (AvroKinds.TryGetPrimitive(name.FullName, out _))
            throw new AvroSchemaException(pointer + "/name", $"Schemas may not be named after primitives: {name.FullName}");
        return (name, OptionalString(element, "doc", pointer));
    }

    private void Define(AvroNamed named, string pointer)
    {
        if (!_names.TryAdd(named.Name.FullName, named))
            throw new AvroSchemaException(pointer, $"Can't redefine: {named.Name.FullName}");
        named.FromReference = _fromReference;
    }

    private static List<AvroName> ReadAliases(JsonElement element, string pointer, string? space)
    {
        var aliases = new List<AvroName>();
        foreach (var alias in ReadStrings(element, "aliases", pointer))
        {
            NameRules.CheckQualified(alias, pointer + "/aliases", "alias");
            var name = AvroName.Of(alias, space);
            if (!aliases.Contains(name)) aliases.Add(name);
        }
        return aliases;
    }

    private static List<string> ReadStrings(JsonElement element, string key, string pointer)
    {
        if (!element.TryGetProperty(key, out var array)) return [];
        if (array.ValueKind != JsonValueKind.Array) throw new AvroSchemaException(pointer + "/" + key, $"{key} not an array: {JsonShow.Of(array)}");
        var values = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new AvroSchemaException(Pointer.Append(pointer + "/" + key, index), $"{key.TrimEnd('s')} not a string: {JsonShow.Of(item)}");
            values.Add(item.GetString()!);
            index++;
        }
        return values;
    }

    private static string? OptionalString(JsonElement element, string key, string pointer)
    {
        if (!element.TryGetProperty(key, out var value)) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AvroSchemaException(pointer + "/" + key, $"\"{key}\" must be a string, not {JsonShow.Of(value)}.");
    }

    private static List<AvroProperty> Properties(JsonElement element, HashSet<string> reserved)
    {
        var properties = new List<AvroProperty>();
        foreach (var property in element.EnumerateObject())
        {
            if (!reserved.Contains(property.Name)) properties.Add(new AvroProperty(property.Name, property.Value));
        }
        return properties;
    }

    private static string Describe(AvroSchemaNode type) => type switch
    {
        AvroNamed named => $"{named.Kind.Name()} {named.Name.FullName}",
        AvroUnion union => "[" + string.Join(",", union.Branches.Select(b => b.BranchName)) + "]",
        AvroArray array => $"array of {Describe(array.Items)}",
        AvroMap map => $"map of {Describe(map.Values)}",
        _ => type.Kind.Name(),
    };

    /// <summary>Prop-less primitives are immutable and shared, as Java shares <c>Schema.create</c> results in spirit.</summary>
    private static AvroPrimitive Primitive(AvroKind kind) => SharedPrimitives[(int)kind];

    private static readonly AvroPrimitive[] SharedPrimitives =
        [.. Enumerable.Range(0, (int)AvroKind.String + 1).Select(k => new AvroPrimitive((AvroKind)k))];
}
