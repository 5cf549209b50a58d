namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A schema parsed by its format plug-in. Immutable and thread-safe: parsed once, cached by schema id, shared by
/// every request.
/// </summary>
public interface IParsedSchema
{
    /// <summary>The format, as <see cref="ISchemaFormat.SchemaType"/>.</summary>
    string SchemaType { get; }

    /// <summary>
    /// The canonical text: what the registry stores, serves back and fingerprints. Two texts that differ only in
    /// insignificant whitespace have the same canonical text; with normalization, also in key order and other
    /// insignificant differences. Never adds keywords the user did not write.
    /// </summary>
    string CanonicalText { get; }

    /// <summary>
    /// The references the schema was parsed with, in declaration order: the top level of
    /// <see cref="SchemaParseRequest.References"/> as (name, subject, version).
    /// </summary>
    IReadOnlyList<SchemaReference> References { get; }

    /// <summary>
    /// Every change that turns <paramref name="previous"/> into this schema, each with its location and its impact on
    /// readers. <paramref name="previous"/> is of the same format. The one source of truth about "what changed":
    /// compatibility, semver, evolution reports and events all read it.
    /// </summary>
    IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous);

    /// <summary>
    /// The breaking part of <see cref="DiffFrom"/>, the same changes in the same order. Compatibility checks against
    /// versions other than the latest need nothing else; a format may answer it without writing out the other changes.
    /// </summary>
    IReadOnlyList<SchemaChange> BreakingChangesFrom(IParsedSchema previous) => Compatibility.CompatibilityChecker.Breaking(DiffFrom(previous));

    /// <summary>Builds a validator for data of this schema. Called once per schema id; the result is cached.</summary>
    IDataValidator CompileValidator();
}
