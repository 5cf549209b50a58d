namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A reference from one schema to a version of another subject, as Confluent's <c>references</c> field declares it.
/// </summary>
/// <param name="Name">How the referencing schema names it: a <c>$ref</c> URI, an Avro full name, a Protobuf import path.</param>
/// <param name="Subject">The referenced subject.</param>
/// <param name="Version">The referenced version, pinned.</param>
public sealed record SchemaReference(string Name, string Subject, int Version);

/// <summary>A reference resolved to the schema text of the pinned version, with that schema's own references.</summary>
/// <param name="Name">How the referencing schema names it.</param>
/// <param name="Subject">The referenced subject.</param>
/// <param name="Version">The referenced version.</param>
/// <param name="SchemaType">The referenced schema's format.</param>
/// <param name="Text">The referenced schema's text.</param>
/// <param name="References">The referenced schema's own references, resolved.</param>
public sealed record ResolvedReference(
    string Name,
    string Subject,
    int Version,
    string SchemaType,
    string Text,
    IReadOnlyList<ResolvedReference> References)
{
    /// <summary>This reference and every reference below it, depth first, each name once (the first one wins).</summary>
    public static IReadOnlyList<ResolvedReference> Flatten(IReadOnlyList<ResolvedReference> references)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<ResolvedReference>();
        void Walk(IReadOnlyList<ResolvedReference> level)
        {
            foreach (var reference in level)
            {
                if (!seen.Add(reference.Name)) continue;
                all.Add(reference);
                Walk(reference.References);
            }
        }
        Walk(references);
        return all;
    }
}
