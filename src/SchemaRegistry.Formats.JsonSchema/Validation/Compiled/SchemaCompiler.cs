using System.Text.Json;
using Json.Schema;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>Thrown inside the compiler when a schema needs something it does not compile; the library path takes over.</summary>
internal sealed class CompileFallbackException(string reason) : Exception(reason);

/// <summary>
/// Compiles a parsed schema (and its references) into a tree of <see cref="SchemaNode"/>s, once, at registration.
/// Every subschema is compiled once per (document, pointer), so references, recursion included, share nodes.
/// It compiles drafts 4, 6, 7 and 2020-12 with every keyword they define; it gives up (and the schema is validated
/// by JsonSchema.Net) on draft 2019-09 (<c>$recursiveRef</c> and its items semantics), custom meta-schemas
/// (vocabularies can switch keywords off) and anything it cannot resolve.
/// </summary>
internal sealed class SchemaCompiler
{
    private readonly SchemaSet _main;
    private readonly bool _assertFormat;
    private readonly PatternRegexFactory _regexes;
    private readonly Dictionary<(SchemaSet, int, string), SchemaNode> _nodes = [];
    private readonly Dictionary<string, int> _resources = new(StringComparer.Ordinal);
    private readonly List<(DynamicRefCheck Check, string Anchor)> _dynamicRefs = [];
    private readonly Dictionary<int, (HashSet<string> Keywords, bool AssertsFormat)> _vocabularies = [];

    private SchemaCompiler(SchemaSet main, bool assertFormat, PatternRegexFactory regexes)
    {
        _main = main;
        _assertFormat = assertFormat;
        _regexes = regexes;
    }

    /// <summary>The compiled root, or null with the reason the library path must be used.</summary>
    public static SchemaNode? TryCompile(SchemaSet documents, bool assertFormat, PatternRegexFactory regexes, out string? fallbackReason)
    {
        try
        {
            var compiler = new SchemaCompiler(documents, assertFormat, regexes);
            compiler.CheckSupported();
            var root = compiler.Compile(documents, new SchemaAddress(documents.Root, ""));
            compiler.Finish();
            fallbackReason = null;
            return root;
        }
        catch (CompileFallbackException fallback)
        {
            fallbackReason = fallback.Message;
            return null;
        }
    }

    private void CheckSupported()
    {
        foreach (var document in _main.Documents)
        {
            if (document.Root.ValueKind == JsonValueKind.Object && document.Root.TryGetProperty("$schema", out var dialect)
                && !Dialects.TryParse(dialect.GetString(), out _))
            {
                _vocabularies[document.Index] = VocabulariesOf(document, dialect.GetString()!);
            }
            SchemaWalker.Walk(document.Root, document.Draft, document.RetrievalUri, site =>
            {
                if (site.Draft == JsonSchemaDraft.Draft201909) throw new CompileFallbackException($"{document.Label} uses draft 2019-09");
                return true;
            });
        }
    }

    /// <summary>
    /// The keywords a custom 2020-12 meta-schema enables (the parser accepted it: it is a supplied reference declaring
    /// <c>$vocabulary</c>). Anything else is left to the library.
    /// </summary>
    private (HashSet<string>, bool) VocabulariesOf(SchemaDocument document, string metaSchema)
    {
        var resolved = _main.TryResolve(document.RetrievalUri, metaSchema, out var address) ? SchemaSet.ElementAt(address) : default;
        if (resolved.ValueKind != JsonValueKind.Object || !resolved.TryGetProperty("$vocabulary", out var vocabulary) || vocabulary.ValueKind != JsonValueKind.Object
            || address.Document.Draft != JsonSchemaDraft.Draft202012)
        {
            throw new CompileFallbackException($"{document.Label} uses the custom meta-schema {metaSchema}");
        }
        return Vocabularies.Enabled(vocabulary);
    }

    private SchemaNode Compile(SchemaSet set, SchemaAddress address)
    {
        if (_nodes.TryGetValue((set, address.Document.Index, address.Pointer), out var existing)) return existing;
        var (draft, baseUri) = SiteOf(address);
        return Compile(set, address, SchemaSet.ElementAt(address), draft, baseUri);
    }

    /// <summary>
    /// Compiles the subschema at <paramref name="address"/>, given its element and the draft and base URI in force
    /// there (what <see cref="SiteOf"/> finds): a subschema's children are compiled from it, not from the document
    /// root, so a schema with thousands of properties compiles in linear time.
    /// </summary>
    private SchemaNode Compile(SchemaSet set, SchemaAddress address, JsonElement element, JsonSchemaDraft draft, Uri baseUri)
    {
        if (_nodes.TryGetValue((set, address.Document.Index, address.Pointer), out var existing)) return existing;
        var node = new SchemaNode
        {
            Location = ReferenceEquals(set, _main) && address.Document.IsRoot ? address.Pointer : null,
            Resource = ResourceOf(baseUri),
        };
        _nodes.Add((set, address.Document.Index, address.Pointer), node);
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                node.Constant = true;
                return node;
            case JsonValueKind.False:
                node.Constant = false;
                return node;
            case JsonValueKind.Object:
                break;
            default:
                throw new CompileFallbackException($"{address.Pointer} is not a schema");
        }
        if (draft == JsonSchemaDraft.Draft201909) throw new CompileFallbackException("a reference leads to a draft 2019-09 schema");
        node.Checks = [.. new NodeBuilder(this, set, address, element, draft, baseUri, node).Build()];
        return node;
    }

    /// <summary>
    /// The draft and base URI in force at a subschema, worked out along its pointer from the document root (a
    /// reference may point anywhere, into an unknown keyword say, where the walker never went).
    /// </summary>
    internal static (JsonSchemaDraft Draft, Uri BaseUri) SiteOf(SchemaAddress address)
    {
        var document = address.Document;
        var (draft, baseUri) = SchemaWalker.Enter(document.Root, document.Draft, document.RetrievalUri);
        if (!JsonPointers.TryParse(address.Pointer, out var tokens)) return (draft, baseUri);
        var current = document.Root;
        foreach (var token in tokens)
        {
            if (!JsonPointers.TryResolve(current, JsonPointers.Append("", token), out current)) break;
            (draft, baseUri) = SchemaWalker.Enter(current, draft, baseUri);
        }
        return (draft, baseUri);
    }

    private int ResourceOf(Uri baseUri)
    {
        var key = baseUri.AbsoluteUri;
        if (!_resources.TryGetValue(key, out var id))
        {
            id = _resources.Count;
            _resources.Add(key, id);
        }
        return id;
    }

    /// <summary>Resolves a reference among the schema's documents, then among the library's meta-schemas.</summary>
    private (SchemaSet Set, SchemaAddress Address) Resolve(SchemaSet set, Uri baseUri, string reference) =>
        TryResolve(_main, set, baseUri, reference) ?? throw new CompileFallbackException($"cannot resolve \"{reference}\"");

    /// <summary>
    /// Resolves a reference written in <paramref name="set"/> at <paramref name="baseUri"/>: among that set's
    /// documents, then the schema's own, then the library's meta-schemas (what the library path resolves it to).
    /// </summary>
    internal static (SchemaSet Set, SchemaAddress Address)? TryResolve(SchemaSet main, SchemaSet set, Uri baseUri, string reference)
    {
        if (set.TryResolve(baseUri, reference, out var address)) return (set, address);
        if (!ReferenceEquals(set, main) && main.TryResolve(baseUri, reference, out address)) return (main, address);
        var meta = MetaSchemaDocuments.Documents;
        if (meta.TryResolve(baseUri, reference, out address)) return (meta, address);
        return null;
    }

    /// <summary>Resolves the dynamic references once every resource that can be on the dynamic scope is known.</summary>
    private void Finish()
    {
        if (_dynamicRefs.Count == 0) return;
        var anchors = new List<(SchemaSet Set, SchemaAddress Address, Uri BaseUri, string Name)>();
        foreach (var set in (SchemaSet[])[_main, MetaSchemaDocuments.Documents])
        {
            foreach (var document in set.Documents)
            {
                SchemaWalker.Walk(document.Root, document.Draft, document.RetrievalUri, site =>
                {
                    if (site.Draft == JsonSchemaDraft.Draft202012 && site.Element.ValueKind == JsonValueKind.Object
                        && site.Element.TryGetProperty("$dynamicAnchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
                    {
                        anchors.Add((set, new SchemaAddress(document, site.Pointer), site.BaseUri, anchor.GetString()!));
                    }
                    return true;
                });
            }
        }
        foreach (var (check, name) in _dynamicRefs)
        {
            var byResource = new Dictionary<int, SchemaNode>();
            foreach (var (set, address, baseUri, anchor) in anchors)
            {
                if (anchor != name) continue;
                // Only resources already compiled can ever be on the dynamic scope.
                if (!_resources.TryGetValue(baseUri.AbsoluteUri, out var resource)) continue;
                byResource.TryAdd(resource, Compile(set, address));
            }
            var table = new SchemaNode?[_resources.Count];
            foreach (var (resource, node) in byResource) table[resource] = node;
            check.AnchorByResource = table;
        }
        foreach (var node in _nodes.Values) node.KeepsScope = true;
    }

    /// <summary>Builds the checks of one object subschema.</summary>
    private sealed class NodeBuilder(SchemaCompiler compiler, SchemaSet set, SchemaAddress address, JsonElement schema, JsonSchemaDraft draft, Uri baseUri, SchemaNode node)
    {
        private bool Has(string keyword, out JsonElement value)
        {
            value = default;
            return KeywordGrammar.IsKnown(keyword, draft) && Enabled(keyword) && schema.TryGetProperty(keyword, out value);
        }

        private bool Enabled(string keyword) =>
            !ReferenceEquals(set, compiler._main) || !compiler._vocabularies.TryGetValue(address.Document.Index, out var vocabularies)
            || vocabularies.Keywords.Contains(keyword);

        private bool AssertsFormat => compiler._assertFormat
            || ReferenceEquals(set, compiler._main) && compiler._vocabularies.TryGetValue(address.Document.Index, out var vocabularies) && vocabularies.AssertsFormat;

        /// <summary>The subschema a keyword of this one holds.</summary>
        private SchemaNode Sub(string keyword)
        {
            schema.TryGetProperty(keyword, out var element);
            var (childDraft, childBase) = SchemaWalker.Enter(element, draft, baseUri);
            return compiler.Compile(set, new SchemaAddress(address.Document, JsonPointers.Append(address.Pointer, keyword)), element, childDraft, childBase);
        }

        /// <summary>The draft and base URI inside a keyword's map or array, as <see cref="SiteOf"/> steps through it.</summary>
        private (JsonSchemaDraft Draft, Uri BaseUri) Inside(JsonElement container) => SchemaWalker.Enter(container, draft, baseUri);

        /// <summary>A subschema held in a keyword's map (by name) or array (by index).</summary>
        private SchemaNode Sub(string keyword, string token, JsonElement element, (JsonSchemaDraft Draft, Uri BaseUri) inside)
        {
            var (childDraft, childBase) = SchemaWalker.Enter(element, inside.Draft, inside.BaseUri);
            return compiler.Compile(set, new SchemaAddress(address.Document, JsonPointers.Append(address.Pointer, keyword, token)), element, childDraft, childBase);
        }

        /// <summary>The subschemas of a keyword's array, in order.</summary>
        private SchemaNode[] Items(string keyword, JsonElement array)
        {
            var inside = Inside(array);
            var nodes = new SchemaNode[array.GetArrayLength()];
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                nodes[index] = Sub(keyword, I(index), element, inside);
                index++;
            }
            return nodes;
        }

        private static string Suffix(params string[] tokens) => JsonPointers.Append("", tokens);

        public List<Check> Build()
        {
            var checks = new List<Check>();
            // Before 2019-09 a $ref makes every sibling keyword inert.
            if (draft <= JsonSchemaDraft.Draft7 && schema.TryGetProperty("$ref", out var onlyRef) && onlyRef.ValueKind == JsonValueKind.String)
            {
                checks.Add(Reference(onlyRef));
                return checks;
            }
            if (Has("type", out var type)) checks.Add(new TypeCheck(node, TypeOf(type)));
            if (Has("enum", out var values)) checks.Add(new EnumCheck(node, values));
            if (Has("const", out var constant)) checks.Add(new ConstCheck(node, constant));
            AddNumber(checks);
            AddString(checks);
            AddObject(checks);
            AddArray(checks);
            AddApplicators(checks);
            if (Has("$ref", out var reference)) checks.Add(Reference(reference));
            if (Has("$dynamicRef", out var dynamicReference)) checks.Add(DynamicReference(dynamicReference));
            // Last: they need what every other keyword evaluated.
            if (Has("unevaluatedProperties", out _))
            {
                node.TracksProperties = true;
                checks.Add(new UnevaluatedPropertiesCheck(node, Sub("unevaluatedProperties")));
            }
            if (Has("unevaluatedItems", out _))
            {
                node.TracksItems = true;
                checks.Add(new UnevaluatedItemsCheck(node, Sub("unevaluatedItems")));
            }
            return checks;
        }

        private static SchemaValueType TypeOf(JsonElement type)
        {
            SchemaValueType Parse(string name) => name switch
            {
                "array" => SchemaValueType.Array,
                "object" => SchemaValueType.Object,
                "string" => SchemaValueType.String,
                "number" => SchemaValueType.Number,
                "integer" => SchemaValueType.Integer,
                "boolean" => SchemaValueType.Boolean,
                "null" => SchemaValueType.Null,
                _ => throw new CompileFallbackException($"unknown type \"{name}\""),
            };
            if (type.ValueKind == JsonValueKind.String) return Parse(type.GetString()!);
            SchemaValueType result = 0;
            foreach (var item in type.EnumerateArray()) result |= Parse(item.GetString()!);
            return result;
        }

        private void AddNumber(List<Check> checks)
        {
            var bounds = new List<(string, JsonElement)>();
            foreach (var keyword in (string[])["minimum", "maximum"])
            {
                if (Has(keyword, out var limit)) bounds.Add((keyword, limit));
            }
            foreach (var (keyword, bound) in (ReadOnlySpan<(string, string)>)[("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")])
            {
                if (!Has(keyword, out var limit)) continue;
                if (limit.ValueKind == JsonValueKind.Number)
                {
                    bounds.Add((keyword, limit));
                }
                else if (limit.ValueKind == JsonValueKind.True && schema.TryGetProperty(bound, out var inclusive))
                {
                    // Draft 4's boolean form, normalized as for the library: the bound itself becomes exclusive.
                    bounds.Add((keyword, inclusive));
                }
            }
            var multipleOf = Has("multipleOf", out var divisor) ? divisor : (JsonElement?)null;
            if (bounds.Count > 0 || multipleOf is not null) checks.Add(new NumberCheck(node, bounds, multipleOf));
        }

        private void AddString(List<Check> checks)
        {
            long? min = Has("minLength", out var minLength) ? (long)minLength.GetDouble() : null;
            long? max = Has("maxLength", out var maxLength) ? (long)maxLength.GetDouble() : null;
            var patternText = Has("pattern", out var pattern) ? pattern.GetString() : null;
            var regex = patternText is null ? null : compiler._regexes.Create(EcmaRegex.ToDotNet(patternText));
            var format = AssertsFormat && Has("format", out var name) && name.ValueKind == JsonValueKind.String ? FormatChecker.For(name.GetString()!) : null;
            if (min is null && max is null && regex is null && format is null) return;
            checks.Add(new StringCheck(node, min, max, regex, patternText, compiler._regexes.MatchTimeout, format));
        }

        private void AddObject(List<Check> checks)
        {
            var properties = new List<(string, SchemaNode, string)>();
            if (Has("properties", out var map))
            {
                var inside = Inside(map);
                foreach (var member in map.EnumerateObject()) properties.Add((member.Name, Sub("properties", member.Name, member.Value, inside), Suffix("properties", member.Name)));
            }
            var patterns = new List<PatternProperty>();
            if (Has("patternProperties", out var patternMap))
            {
                var inside = Inside(patternMap);
                foreach (var member in patternMap.EnumerateObject())
                {
                    patterns.Add(new PatternProperty(compiler._regexes.Create(EcmaRegex.ToDotNet(member.Name)),
                        Sub("patternProperties", member.Name, member.Value, inside), Suffix("patternProperties", member.Name)));
                }
            }
            var additional = Has("additionalProperties", out _) ? Sub("additionalProperties") : null;
            List<string>? required = Has("required", out var names) ? [.. names.EnumerateArray().Select(n => n.GetString()!)] : null;
            if (properties.Count > 0 || patterns.Count > 0 || additional is not null || required is { Count: > 0 })
                checks.Add(new PropertiesCheck(node, properties, patterns, additional, required, compiler._regexes.MatchTimeout));
            if (Has("propertyNames", out _)) checks.Add(new PropertyNamesCheck(node, Sub("propertyNames")));
            long? minProperties = Has("minProperties", out var min) ? (long)min.GetDouble() : null;
            long? maxProperties = Has("maxProperties", out var max) ? (long)max.GetDouble() : null;
            if (minProperties is not null || maxProperties is not null) checks.Add(new PropertyCountCheck(node, minProperties, maxProperties));
            if (Has("dependentRequired", out var dependentRequired)) checks.Add(new DependentRequiredCheck(node, "dependentRequired", NameLists(dependentRequired)));
            if (Has("dependentSchemas", out var dependentSchemas))
            {
                var inside = Inside(dependentSchemas);
                checks.Add(new DependentSchemasCheck(node, [.. dependentSchemas.EnumerateObject()
                    .Select(m => (m.Name, Sub("dependentSchemas", m.Name, m.Value, inside), Suffix("dependentSchemas", m.Name)))]));
            }
            if (Has("dependencies", out var dependencies))
            {
                var nameLists = NameLists(dependencies, onlyArrays: true);
                if (nameLists.Count > 0) checks.Add(new DependentRequiredCheck(node, "dependencies", nameLists));
                var inside = Inside(dependencies);
                var schemas = dependencies.EnumerateObject().Where(m => m.Value.ValueKind != JsonValueKind.Array)
                    .Select(m => (m.Name, Sub("dependencies", m.Name, m.Value, inside), Suffix("dependencies", m.Name))).ToList();
                if (schemas.Count > 0) checks.Add(new DependentSchemasCheck(node, schemas));
            }
        }

        private static List<(byte[], byte[][], string[])> NameLists(JsonElement map, bool onlyArrays = false)
        {
            var result = new List<(byte[], byte[][], string[])>();
            foreach (var member in map.EnumerateObject())
            {
                if (onlyArrays && member.Value.ValueKind != JsonValueKind.Array) continue;
                var names = member.Value.EnumerateArray().Select(n => n.GetString()!).ToArray();
                result.Add((System.Text.Encoding.UTF8.GetBytes(member.Name), [.. names.Select(System.Text.Encoding.UTF8.GetBytes)], names));
            }
            return result;
        }

        private void AddArray(List<Check> checks)
        {
            SchemaNode[] prefix = [];
            string[] prefixSuffixes = [];
            SchemaNode? rest = null;
            var restSuffix = "";
            if (draft >= JsonSchemaDraft.Draft202012)
            {
                if (Has("prefixItems", out var prefixItems))
                {
                    var count = prefixItems.GetArrayLength();
                    prefix = Items("prefixItems", prefixItems);
                    prefixSuffixes = [.. Enumerable.Range(0, count).Select(i => Suffix("prefixItems", I(i)))];
                }
                if (Has("items", out _))
                {
                    rest = Sub("items");
                    restSuffix = "/items";
                }
            }
            else if (Has("items", out var items))
            {
                if (items.ValueKind == JsonValueKind.Array)
                {
                    var count = items.GetArrayLength();
                    prefix = Items("items", items);
                    prefixSuffixes = [.. Enumerable.Range(0, count).Select(i => Suffix("items", I(i)))];
                    if (Has("additionalItems", out _))
                    {
                        rest = Sub("additionalItems");
                        restSuffix = "/additionalItems";
                    }
                }
                else
                {
                    rest = Sub("items");
                    restSuffix = "/items";
                }
            }
            if (prefix.Length > 0 || rest is not null) checks.Add(new ItemsCheck(node, prefix, prefixSuffixes, rest, restSuffix));
            if (Has("contains", out _))
            {
                long minimum = Has("minContains", out var minContains) ? (long)minContains.GetDouble() : 1;
                long? maximum = Has("maxContains", out var maxContains) ? (long)maxContains.GetDouble() : null;
                checks.Add(new ContainsCheck(node, Sub("contains"), minimum, maximum, marksEvaluated: draft >= JsonSchemaDraft.Draft202012));
            }
            long? minItems = Has("minItems", out var min) ? (long)min.GetDouble() : null;
            long? maxItems = Has("maxItems", out var max) ? (long)max.GetDouble() : null;
            if (minItems is not null || maxItems is not null) checks.Add(new ItemCountCheck(node, minItems, maxItems));
            if (Has("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True) checks.Add(new UniqueItemsCheck(node));
        }

        private static string I(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void AddApplicators(List<Check> checks)
        {
            foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
            {
                if (!Has(keyword, out var branches)) continue;
                var count = branches.GetArrayLength();
                var nodes = Items(keyword, branches);
                string[] suffixes = [.. Enumerable.Range(0, count).Select(i => Suffix(keyword, I(i)))];
                checks.Add(keyword switch
                {
                    "allOf" => new AllOfCheck(node, nodes, suffixes),
                    "anyOf" => new AnyOfCheck(node, nodes, suffixes),
                    _ => new OneOfCheck(node, nodes, suffixes),
                });
            }
            if (Has("not", out _)) checks.Add(new NotCheck(node, Sub("not")));
            if (Has("if", out _))
            {
                var then = Has("then", out _) ? Sub("then") : null;
                var otherwise = Has("else", out _) ? Sub("else") : null;
                checks.Add(new ConditionalCheck(node, Sub("if"), then, otherwise));
            }
        }

        private RefCheck Reference(JsonElement value)
        {
            var check = new RefCheck(node);
            var (targetSet, target) = compiler.Resolve(set, baseUri, value.GetString()!);
            check.Target = compiler.Compile(targetSet, target);
            return check;
        }

        private DynamicRefCheck DynamicReference(JsonElement value)
        {
            var text = value.GetString()!;
            var check = new DynamicRefCheck(node);
            var (targetSet, target) = compiler.Resolve(set, baseUri, text);
            check.Target = compiler.Compile(targetSet, target);
            // Dynamic only when the reference names an anchor that its static target declares as $dynamicAnchor.
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var fragment = hash < 0 ? "" : Uri.UnescapeDataString(text[(hash + 1)..]);
            var targetElement = SchemaSet.ElementAt(target);
            if (fragment.Length > 0 && fragment[0] != '/' && targetElement.ValueKind == JsonValueKind.Object
                && targetElement.TryGetProperty("$dynamicAnchor", out var anchor) && anchor.ValueKind == JsonValueKind.String && anchor.GetString() == fragment)
            {
                compiler._dynamicRefs.Add((check, fragment));
            }
            return check;
        }
    }
}
