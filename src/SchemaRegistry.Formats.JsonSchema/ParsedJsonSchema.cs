using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Formats.JsonSchema.Support;
using SchemaRegistry.Formats.JsonSchema.Validation;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>
/// A parsed JSON Schema: immutable and thread-safe. It keeps its documents (itself and its resolved references) for
/// the diff, and what the validator build needs; it holds no JsonSchema.Net state shared with any other schema.
/// </summary>
public sealed class ParsedJsonSchema : IParsedSchema
{
    private readonly LibraryDialects _validatorDialects;

    internal ParsedJsonSchema(
        string canonicalText,
        IReadOnlyList<SchemaReference> references,
        JsonSchemaDraft draft,
        SchemaSet documents,
        JsonSchemaFormatOptions options,
        LibraryDocument libraryRoot,
        IReadOnlyList<LibraryDocument> libraryReferences,
        LibraryDialects validatorDialects,
        bool fitsOrdinaryStack)
    {
        FitsOrdinaryStack = fitsOrdinaryStack;
        CanonicalText = canonicalText;
        References = references;
        Draft = draft;
        Documents = documents;
        Options = options;
        LibraryRoot = libraryRoot;
        LibraryReferences = libraryReferences;
        _validatorDialects = validatorDialects;
    }

    /// <inheritdoc />
    public string SchemaType => JsonSchemaFormat.Type;

    /// <inheritdoc />
    public string CanonicalText { get; }

    /// <inheritdoc />
    public IReadOnlyList<SchemaReference> References { get; }

    /// <summary>The draft the schema is written in (from <c>$schema</c>, or the configured default).</summary>
    public JsonSchemaDraft Draft { get; }

    /// <summary>The schema and its references, indexed for reference resolution.</summary>
    internal SchemaSet Documents { get; }

    /// <summary>The options it was parsed with (format assertion changes how format changes are judged).</summary>
    internal JsonSchemaFormatOptions Options { get; }

    /// <summary>The schema as handed to JsonSchema.Net.</summary>
    internal LibraryDocument LibraryRoot { get; }

    /// <summary>The references as handed to JsonSchema.Net.</summary>
    internal IReadOnlyList<LibraryDocument> LibraryReferences { get; }

    /// <summary>
    /// True when no document holds a reference keyword, so every recursion over the schema is bounded by its JSON
    /// nesting and work on it can run on an ordinary thread (see <see cref="DocumentShape"/>).
    /// </summary>
    internal bool FitsOrdinaryStack { get; }

    /// <inheritdoc />
    public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ParsedJsonSchema old)
        {
            return [new SchemaChange(CommonChangeKinds.SchemaTypeChanged, "", $"The schema type changed from {previous.SchemaType} to {SchemaType}.", ChangeImpact.Breaking)];
        }
        // The comparison recurses through the schemas: it finds itself room (see SchemaDiff.Compare).
        return SchemaDiff.Compare(old, this);
    }

    /// <inheritdoc />
    /// <remarks>The diff runs without writing out the messages of the changes it drops (see <see cref="Diff.DiffState.BreakingOnly"/>).</remarks>
    public IReadOnlyList<SchemaChange> BreakingChangesFrom(IParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ParsedJsonSchema old) return DiffFrom(previous);
        return SchemaDiff.CompareBreaking(old, this);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The compiled path (<see cref="Validation.Compiled.SchemaCompiler"/>) when it covers the schema, JsonSchema.Net
    /// otherwise; <see cref="IDataValidator.Engine"/> says which.
    /// </remarks>
    public IDataValidator CompileValidator() => LargeStack.RunInlineIfOrdinary<IDataValidator>(FitsOrdinaryStack, () =>
    {
        var root = Validation.Compiled.SchemaCompiler.TryCompile(Documents, Options.AssertFormat, _validatorDialects.Regexes, out var reason);
        LibraryFallbackReason = reason;
        return root is not null ? new Validation.Compiled.CompiledValidator(root) : JsonSchemaValidator.Compile(this, _validatorDialects);
    });

    /// <summary>The validator on the library path, whatever the compiler could do (for differential tests and benchmarks).</summary>
    internal IDataValidator CompileLibraryValidator() => LargeStack.RunInlineIfOrdinary<IDataValidator>(FitsOrdinaryStack, () => JsonSchemaValidator.Compile(this, _validatorDialects));

    /// <summary>
    /// False when parsing skipped the library's build because the compiled path covers the schema (see
    /// <see cref="Parsing.SchemaParser"/>); for the differential test that builds those schemas anyway.
    /// </summary>
    internal bool LibraryBuiltAtParse { get; init; } = true;

    /// <summary>Why the last <see cref="CompileValidator"/> fell back to the library (null when it compiled).</summary>
    internal string? LibraryFallbackReason { get; private set; }

    /// <inheritdoc />
    public override string ToString() => CanonicalText;
}
