using Json.Schema;
using Json.Schema.Keywords;
using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// The JsonSchema.Net dialects the plug-in builds with: the library's own, with <c>pattern</c> and
/// <c>patternProperties</c> replaced by timed versions and the reference keywords by stack-guarded ones, plus a
/// draft-04 dialect (the library stops at draft 6).
/// </summary>
/// <remarks>
/// A replacement handler is added after the original rather than instead of it: the library orders keywords by
/// handler type (<c>additionalProperties</c> waits for <c>PatternPropertiesKeyword</c>) and looks handlers up by
/// name, last one wins; keeping both keeps the ordering and makes the name resolve to ours. Registries are created
/// per build, so nothing is registered process-wide.
/// </remarks>
internal sealed class LibraryDialects
{
    private readonly Dictionary<JsonSchemaDraft, Dialect> _byDraft;
    private readonly List<Dialect> _all = [];
    private readonly IKeywordHandler[] _timed;
    private readonly GuardedRefKeyword _guardedRef;
    private readonly GuardedRecursiveRefKeyword _guardedRecursiveRef = new();
    private readonly GuardedDynamicRefKeyword _guardedDynamicRef = new();

    /// <summary>Builds the dialects around one regex factory.</summary>
    public LibraryDialects(PatternRegexFactory regexes)
    {
        Regexes = regexes;
        _timed = [new TimedPatternKeyword(regexes), new TimedPatternPropertiesKeyword(regexes), new CodePointMinLengthKeyword(), new CodePointMaxLengthKeyword()];
        _guardedRef = new GuardedRefKeyword();
        _byDraft = Enum.GetValues<JsonSchemaDraft>().ToDictionary(d => d, d => Make(d, new Uri(Dialects.UriOf(d))));
        // Dialects are immutable and costly to build (the library orders keywords by reflection): build each spelling
        // once, and only the registries that hold them per schema build.
        foreach (var (draft, dialect) in _byDraft)
        {
            _all.Add(dialect);
            var official = Dialects.UriOf(draft);
            var other = official.StartsWith("https://", StringComparison.Ordinal)
                ? "http://" + official["https://".Length..]
                : "https://" + official["http://".Length..];
            _all.Add(Make(draft, new Uri(other)));
        }
    }

    /// <summary>
    /// Always derived from the library's own dialect: deriving from one of ours would enumerate both pattern
    /// handlers in no guaranteed order and could let the untimed one win the name.
    /// </summary>
    private Dialect Make(JsonSchemaDraft draft, Uri id)
    {
        var basis = draft switch
        {
            JsonSchemaDraft.Draft4 => Dialect.Draft06.Without(
                [ConstKeyword.Instance, Json.Schema.Keywords.Draft06.ContainsKeyword.Instance, PropertyNamesKeyword.Instance, ExamplesKeyword.Instance],
                id: id),
            JsonSchemaDraft.Draft6 => Dialect.Draft06,
            JsonSchemaDraft.Draft7 => Dialect.Draft07,
            JsonSchemaDraft.Draft201909 => Dialect.Draft201909,
            _ => Dialect.Draft202012,
        };
        // Each dialect gets the guarded form of the reference keywords it has, and only those (a draft-7 schema must
        // not start honouring $dynamicRef).
        IKeywordHandler[] guarded = draft switch
        {
            JsonSchemaDraft.Draft201909 => [_guardedRef, _guardedRecursiveRef],
            JsonSchemaDraft.Draft202012 => [_guardedRef, _guardedDynamicRef],
            _ => [_guardedRef],
        };
        return basis.With([.. _timed, .. guarded], id: id);
    }

    /// <summary>The regex factory the timed pattern handlers use (the compiled path shares it).</summary>
    public PatternRegexFactory Regexes { get; }

    /// <summary>The dialect for a draft.</summary>
    public Dialect For(JsonSchemaDraft draft) => _byDraft[draft];

    /// <summary>
    /// A fresh dialect registry knowing our dialects under their official URIs and the spellings people use (either
    /// scheme). A registry instance is not thread-safe and the library writes to it, hence one per build.
    /// </summary>
    public DialectRegistry NewDialectRegistry()
    {
        var registry = new DialectRegistry();
        foreach (var dialect in _all) registry.Register(dialect);
        return registry;
    }

    /// <summary>
    /// A fresh vocabulary registry whose validation and applicator vocabularies carry the timed handlers, for schemas
    /// whose <c>$schema</c> is a custom meta-schema built from vocabularies.
    /// </summary>
    public VocabularyRegistry NewVocabularyRegistry()
    {
        var registry = new VocabularyRegistry();
        foreach (var vocabulary in (Vocabulary[])[Vocabulary.Draft201909_Validation, Vocabulary.Draft202012_Validation])
            registry.Register(new Vocabulary(vocabulary.Id, vocabulary.Keywords.Append(_timed[0]).Append(_timed[2]).Append(_timed[3])));
        foreach (var vocabulary in (Vocabulary[])[Vocabulary.Draft201909_Applicator, Vocabulary.Draft202012_Applicator])
            registry.Register(new Vocabulary(vocabulary.Id, vocabulary.Keywords.Append(_timed[1])));
        registry.Register(new Vocabulary(Vocabulary.Draft201909_Core.Id, Vocabulary.Draft201909_Core.Keywords.Append(_guardedRef).Append(_guardedRecursiveRef)));
        registry.Register(new Vocabulary(Vocabulary.Draft202012_Core.Id, Vocabulary.Draft202012_Core.Keywords.Append(_guardedRef).Append(_guardedDynamicRef)));
        return registry;
    }
}
