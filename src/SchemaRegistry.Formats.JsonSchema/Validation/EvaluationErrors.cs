using System.Text.Json;
using Json.Schema;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Formats.JsonSchema.Support;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// Turns JsonSchema.Net's hierarchical output into the errors that explain why a document is invalid, located as the
/// compiled path locates them (docs/validation.md, "Which errors are reported"):
/// <list type="bullet">
/// <item>Every failed keyword of a failed subschema, with the library's message.</item>
/// <item>A failed subschema's failed subschemas, except where their failure is not what failed the keyword: the
/// branches of an <c>anyOf</c> that holds, of a <c>oneOf</c> that fails because several hold; the subschema of
/// <c>if</c> (a condition, never an error), of <c>not</c> (its failure is what <c>not</c> wants) and of
/// <c>contains</c> (the count fails, not the items). The library's list output includes all of those.</item>
/// <item>A failed <c>oneOf</c> and a failed <c>not</c> are errors of their own (the library reports nothing for them).</item>
/// </list>
/// Locations are worked out from the schema documents along the evaluation path, not read from the library's
/// <c>SchemaLocation</c>/<c>InstanceLocation</c>, which JsonSchema.Net 8.0.5 gets wrong in a few places (nodes
/// reached through <c>definitions</c> or embedded resources repeat path segments; <c>items</c> after
/// <c>prefixItems</c> numbers items from 0; the draft-7 item keywords repeat their name in the evaluation path).
/// </summary>
internal sealed class EvaluationErrors
{
    private readonly SchemaSet _documents;
    private JsonElement _instance;

    public EvaluationErrors(SchemaSet documents) => _documents = documents;

    /// <summary>The errors of a hierarchical result, each (instance, schema location, keyword) once, in evaluation order.</summary>
    public List<ValidationError> Collect(EvaluationResults results, JsonElement instance)
    {
        _instance = instance;
        var errors = new List<ValidationError>();
        var seen = new HashSet<(string, string, string)>();
        if (!results.IsValid)
        {
            var root = new Site(_documents, new SchemaAddress(_documents.Root, ""), "", "", 0, 0);
            Explain(results, root, errors, seen);
        }
        if (errors.Count == 0)
        {
            // Invalid without an explanation (a failed subschema whose own errors were not kept): still say so.
            errors.Add(new ValidationError("", "", "", "The document does not match the schema."));
        }
        return errors;
    }

    /// <summary>Where a result sits: its subschema (when known), its evaluation path and its instance path.</summary>
    private readonly record struct Site(SchemaSet? Set, SchemaAddress? Address, string EvaluationPath, string InstancePath,
        int LibraryEvaluationDepth, int LibraryInstanceDepth);

    private void Explain(EvaluationResults node, Site site, List<ValidationError> errors, HashSet<(string, string, string)> seen)
    {
        var element = site.Address is { } at ? SchemaSet.ElementAt(at) : default;
        var draft7 = site.Address is { } here && SchemaCompiler.SiteOf(here).Draft <= JsonSchemaDraft.Draft7 && element.ValueKind == JsonValueKind.Object;
        if (node.Errors is not null)
        {
            foreach (var (keyword, message) in node.Errors)
            {
                // Draft-6/7 contains in JsonSchema.Net 8.0.5 sets its error when it holds, not when it fails.
                if (draft7 && keyword == "contains") continue;
                if (keyword.Length == 0)
                {
                    var schemaPath = SchemaPath(site, null);
                    var (named, namedMessage) = FalseSchema(schemaPath, site.InstancePath, message);
                    Add(site.InstancePath, schemaPath, named, namedMessage, errors, seen);
                }
                else
                {
                    Add(site.InstancePath, SchemaPath(site, keyword), keyword, message, errors, seen);
                }
            }
        }
        var children = (node.Details ?? []).Select(child => (Child: child, Site: ChildSite(node, child, site))).ToList();
        if (draft7) ExplainDraft7Items(element, site, children, errors, seen);
        foreach (var group in children.GroupBy(c => c.Site.Keyword))
        {
            var valid = group.Count(c => c.Child.IsValid);
            switch (group.Key)
            {
                case "if":
                case "contains":
                    continue;
                case "items" when draft7 && element.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    continue;
                case "not":
                    if (valid > 0) Add(site.InstancePath, SchemaPath(site, "not"), "not", Messages.Not, errors, seen);
                    continue;
                case "anyOf":
                    if (valid > 0) continue;
                    break;
                case "oneOf":
                    if (valid == 1) continue;
                    Add(site.InstancePath, SchemaPath(site, "oneOf"), "oneOf", Messages.OneOf(valid), errors, seen);
                    if (valid > 1) continue;
                    break;
            }
            foreach (var (child, childSite) in group)
            {
                if (!child.IsValid) Explain(child, childSite.Site, errors, seen);
            }
        }
    }

    /// <summary>
    /// Draft-6/7 corrections: <c>contains</c> failed when no item matched (the library reports nothing then), and a
    /// boolean <c>items</c> applies to every item (the library evaluates it as a one-item tuple).
    /// </summary>
    private void ExplainDraft7Items(JsonElement element, Site site, List<(EvaluationResults Child, (string Keyword, Site Site) Site)> children,
        List<ValidationError> errors, HashSet<(string, string, string)> seen)
    {
        if (!JsonPointers.TryResolve(_instance, site.InstancePath, out var value) || value.ValueKind != JsonValueKind.Array) return;
        if (element.TryGetProperty("contains", out _) && !children.Any(c => c.Site.Keyword == "contains" && c.Child.IsValid))
            Add(site.InstancePath, SchemaPath(site, "contains"), "contains", Messages.ContainsTooFew(0, 1), errors, seen);
        if (element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.False)
        {
            var schemaPath = SchemaPath(site, "items");
            for (var i = 0; i < value.GetArrayLength(); i++)
            {
                var instancePath = JsonPointers.Append(site.InstancePath, i);
                var (keyword, message) = FalseSchema(schemaPath, instancePath, Messages.FalseSchema);
                Add(instancePath, schemaPath, keyword, message, errors, seen);
            }
        }
    }

    private static void Add(string instancePath, string schemaPath, string keyword, string message, List<ValidationError> errors, HashSet<(string, string, string)> seen)
    {
        if (seen.Add((instancePath, schemaPath, keyword))) errors.Add(new ValidationError(instancePath, schemaPath, keyword, message));
    }

    private string SchemaPath(Site site, string? keyword)
    {
        var suffix = keyword is null ? "" : "/" + EscapeToken(keyword);
        return site.Address is { } address && ReferenceEquals(site.Set, _documents) && address.Document.IsRoot
            ? address.Pointer + suffix
            : site.EvaluationPath + suffix;
    }

    /// <summary>The site of a child result, from the part of its evaluation path below its parent's.</summary>
    private (string Keyword, Site Site) ChildSite(EvaluationResults parent, EvaluationResults child, Site site)
    {
        var evaluation = Tokens(child.EvaluationPath.ToString());
        var relative = evaluation.Skip(site.LibraryEvaluationDepth).ToList();
        var instanceTokens = Tokens(child.InstanceLocation.ToString());
        var instanceRelative = instanceTokens.Skip(site.LibraryInstanceDepth).ToList();
        var parentElement = site.Address is { } a ? SchemaSet.ElementAt(a) : default;
        // The library's evaluation-path quirks: "items/items" (2020-12), "additionalItems/additionalItems",
        // "<i>/items/<i>" (draft-7 item arrays).
        if (relative is ["items", "items"] or ["additionalItems", "additionalItems"])
        {
            relative = [relative[0]];
            if (relative[0] == "items" && instanceRelative.Count == 1
                && parentElement.ValueKind == System.Text.Json.JsonValueKind.Object && parentElement.TryGetProperty("prefixItems", out var prefix)
                && prefix.ValueKind == System.Text.Json.JsonValueKind.Array && int.TryParse(instanceRelative[0], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                // ... and 2020-12 items numbered from the first item after prefixItems.
                instanceRelative = [(index + prefix.GetArrayLength()).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
        }
        else if (relative.Count == 3 && relative[1] == "items" && relative[0] == relative[2])
        {
            relative = ["items", relative[2]];
        }
        else if (relative is ["patternProperties", var rewritten] && parentElement.ValueKind == JsonValueKind.Object
            && parentElement.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object
            && !patterns.TryGetProperty(rewritten, out _))
        {
            // The library saw the pattern in .NET spelling (LibraryInput); locate it as written.
            var written = patterns.EnumerateObject().FirstOrDefault(p => EcmaRegex.ToDotNet(p.Name) == rewritten).Name;
            if (written is not null) relative = ["patternProperties", written];
        }
        var keyword = relative.Count > 0 ? relative[0] : "";
        SchemaSet? set = site.Set;
        SchemaAddress? address = null;
        if (site.Address is { } parentAddress && set is not null)
        {
            if (keyword is "$ref" or "$dynamicRef" or "$recursiveRef")
            {
                (set, address) = Target(site.Set!, parentAddress, parentElement, keyword, child);
            }
            else
            {
                address = new SchemaAddress(parentAddress.Document, JsonPointers.Append(parentAddress.Pointer, [.. relative]));
            }
        }
        var evaluationPath = JsonPointers.Append(site.EvaluationPath, [.. relative]);
        var instancePath = JsonPointers.Append(site.InstancePath, [.. instanceRelative]);
        return (keyword, new Site(set, address, evaluationPath, instancePath, evaluation.Count, instanceTokens.Count));
    }

    /// <summary>
    /// Where a reference led: <c>$ref</c> is resolved as the compiled path resolves it; a dynamic reference's target
    /// depends on the evaluation, so the library's own location of it is used.
    /// </summary>
    private (SchemaSet? Set, SchemaAddress? Address) Target(SchemaSet set, SchemaAddress parent, System.Text.Json.JsonElement parentElement,
        string keyword, EvaluationResults child)
    {
        if (keyword is "$ref" or "$dynamicRef" && parentElement.ValueKind == JsonValueKind.Object
            && parentElement.TryGetProperty(keyword, out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var (_, baseUri) = SchemaCompiler.SiteOf(parent);
            var text = reference.GetString()!;
            if (SchemaCompiler.TryResolve(_documents, set, baseUri, text) is not { } found) return (null, null);
            if (keyword == "$ref") return (found.Set, found.Address);
            // A dynamic reference to an anchor its static target declares dynamically lands on that anchor in the
            // resource the library chose; the library's resource is right, its pointer within it is not always.
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var anchor = hash < 0 ? "" : Uri.UnescapeDataString(text[(hash + 1)..]);
            var target = SchemaSet.ElementAt(found.Address);
            if (anchor.Length == 0 || anchor[0] == '/' || target.ValueKind != JsonValueKind.Object
                || !target.TryGetProperty("$dynamicAnchor", out var declared) || declared.GetString() != anchor)
            {
                return (found.Set, found.Address);
            }
            var resource = SchemaWalker.WithoutFragment(child.SchemaLocation);
            return SchemaCompiler.TryResolve(_documents, set, resource, "#" + anchor) is { } dynamic ? (dynamic.Set, dynamic.Address) : (null, null);
        }
        var location = child.SchemaLocation;
        var fragment = location.Fragment.Length > 0 ? Uri.UnescapeDataString(location.Fragment[1..]) : "";
        return SchemaCompiler.TryResolve(_documents, set, SchemaWalker.WithoutFragment(location), "#" + fragment) is { } other ? (other.Set, other.Address) : (null, null);
    }

    private static List<string> Tokens(string pointer) => JsonPointers.TryParse(pointer, out var tokens) ? [.. tokens] : [];

    /// <summary>
    /// A value refused by a <c>false</c> subschema is reported without a keyword; name the keyword that holds the
    /// <c>false</c> (<c>additionalProperties</c>, <c>items</c>...) so the error says what to fix, as other validators do.
    /// A <c>false</c> under <c>properties</c> (or another named map) is reported as keyword <c>false</c>.
    /// </summary>
    internal static (string Keyword, string Message) FalseSchema(string schemaPath, string instancePath, string message)
    {
        var tokens = schemaPath.Split('/');
        var last = tokens.Length > 1 ? tokens[^1] : "";
        var parent = tokens.Length > 2 ? tokens[^2] : "";
        if (last.Length == 0 || int.TryParse(last, out _) || parent is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies")
            return ("false", message);
        var member = instancePath.Length > 0 ? instancePath[(instancePath.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : "";
        return last is "additionalProperties" or "unevaluatedProperties"
            ? (last, $"Property '{member}' is not allowed ({last} is false).")
            : last is "items" or "additionalItems" or "unevaluatedItems"
                ? (last, $"Item {member} is not allowed ({last} is false).")
                : (last, message);
    }

    private static string EscapeToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
