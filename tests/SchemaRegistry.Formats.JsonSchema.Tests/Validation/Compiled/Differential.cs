using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>
/// Runs one document through both engines and says how they disagree, if they do. "Agree" means: the same verdict,
/// and for an invalid document the same set of (instancePath, schemaPath, keyword) errors. Both engines report the
/// errors that explain the verdict (see docs/validation.md); the library path derives them from JsonSchema.Net's
/// hierarchical output, the compiled path while evaluating, so the comparison is exact set equality. The compiled
/// validator's stream path (valid documents decided from their text) must never accept a document the element path
/// refuses, and must end on the document's last token when it accepts.
/// </summary>
public sealed class Differential
{
    private Differential(IDataValidator compiled, IDataValidator library)
    {
        Compiled = compiled;
        Library = library;
    }

    public IDataValidator Compiled { get; }

    public IDataValidator Library { get; }

    /// <summary>Both validators of a parsed schema; the compiled one must really be compiled.</summary>
    public static Differential Of(ParsedJsonSchema parsed)
    {
        var compiled = parsed.CompileValidator();
        compiled.Engine.ShouldBe("compiled", parsed.LibraryFallbackReason);
        return new Differential(compiled, parsed.CompileLibraryValidator());
    }

    /// <summary>Null when both engines agree on <paramref name="document"/>, else what differs.</summary>
    public string? Disagreement(JsonElement document)
    {
        var compiled = Compiled.Validate(document);
        var library = Library.Validate(document);
        var (accepted, streamProblem) = Stream(document);
        if (streamProblem is not null) return streamProblem;
        if (accepted && !compiled.IsValid) return $"the stream path accepts a document the element path refuses: {Describe(compiled)}";
        if (compiled.IsValid != library.IsValid) return $"verdict: compiled {compiled.IsValid}, library {library.IsValid} {Describe(library)} {Describe(compiled)}";
        if (compiled.IsValid) return null;
        var compiledSet = compiled.Errors.Select(Key).ToHashSet();
        var librarySet = library.Errors.Select(Key).ToHashSet();
        if (compiledSet.SetEquals(librarySet)) return null;
        return $"errors: only compiled [{string.Join("; ", compiledSet.Except(librarySet))}], only library [{string.Join("; ", librarySet.Except(compiledSet))}]";
    }

    /// <summary>True when the stream path accepts the document (from its text).</summary>
    public bool StreamAccepts(JsonElement document) => Stream(document).Accepted;

    private (bool Accepted, string? Problem) Stream(JsonElement document)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(document.GetRawText());
        if (!Compiled.IsCertainlyValid(text, 64, out var consumed)) return (false, null);
        return consumed != text.Length ? (true, $"the stream path accepted the document but stopped at byte {consumed} of {text.Length}") : (true, null);
    }

    private static string Key(ValidationError error) => $"{error.InstancePath} {error.SchemaPath} {error.Keyword}";

    private static string Describe(ValidationOutcome outcome) => string.Join("; ", outcome.Errors.Select(e => $"{e.InstancePath} {e.SchemaPath} {e.Keyword} {e.Message}"));
}
