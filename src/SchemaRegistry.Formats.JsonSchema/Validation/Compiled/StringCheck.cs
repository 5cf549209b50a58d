using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The string keywords of one subschema (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>format</c>), evaluated
/// together so the string is decoded once, on the stack or into a pooled buffer.
/// </summary>
internal sealed class StringCheck(SchemaNode node, long? minLength, long? maxLength, Regex? pattern, string? patternText,
    TimeSpan matchTimeout, FormatChecker? format) : Check(node)
{
    // A pattern of ASCII sets with counts is matched on the document's UTF-8 text (see SimplePattern).
    private readonly SimplePattern? _simple = patternText is null ? null : SimplePattern.TryCreate(patternText);

    /// <summary>False when the format is one only the library checks (it needs the value as an element).</summary>
    public bool ChecksText => format is not { NeedsElement: true };

    /// <summary>
    /// The verdict alone, from the string's text as written in the document (escapes not decoded); only when
    /// <see cref="ChecksText"/>.
    /// </summary>
    /// <param name="raw">The string's text between its quotes.</param>
    /// <param name="plain">True when the caller knows the text is ASCII without escapes: its length is then its byte count.</param>
    public bool Holds(ReadOnlySpan<byte> raw, bool plain = false)
    {
        if (minLength is not null || maxLength is not null)
        {
            var length = plain ? raw.Length : JsonText.CodePoints(raw);
            if (length < minLength || length > maxLength) return false;
        }
        if (pattern is null && format is null) return true;
        // Both are tried on the raw text first: most values are decided without decoding them.
        var matched = MatchRaw(raw, plain);
        if (matched == PatternResult.NoMatch) return false;
        var formatProven = format is null || format.ProvesRaw(raw);
        if (formatProven && (pattern is null || matched == PatternResult.Match)) return true;
        char[]? rented = null;
        Span<char> buffer = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var text = buffer[..JsonText.Decode(raw, buffer)];
        var holds = (pattern is null || matched == PatternResult.Match || Match(pattern, text) == PatternResult.Match) && (formatProven || format!.Check(text));
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return holds;
    }

    private enum PatternResult { Match, NoMatch, TimedOut, Undecided }

    /// <summary>The pattern on the raw text when <see cref="SimplePattern"/> decides it; otherwise undecided.</summary>
    private PatternResult MatchRaw(ReadOnlySpan<byte> raw, bool plain) => _simple?.Matches(raw, plain) switch
    {
        true => PatternResult.Match,
        false => PatternResult.NoMatch,
        null => PatternResult.Undecided,
    };

    /// <summary>The pattern with the library path's time budget: a value it cannot decide in time is refused.</summary>
    private static PatternResult Match(Regex regex, ReadOnlySpan<char> text)
    {
        if (RegexBudget.HasTimedOut(regex)) return PatternResult.TimedOut;
        try
        {
            return regex.IsMatch(text) ? PatternResult.Match : PatternResult.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            RegexBudget.MarkTimedOut(regex);
            return PatternResult.TimedOut;
        }
    }

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (instance.Kind != JsonValueKind.String) return true;
        if (!context.Collecting && ChecksText) return Holds(instance.RawString);
        var raw = instance.RawString;
        var valid = true;
        if (minLength is not null || maxLength is not null)
        {
            var length = JsonText.CodePoints(raw);
            if (length < minLength)
            {
                valid = false;
                if (!context.Collecting) return false;
                context.Report(Node, "minLength", Messages.Count(Json.Schema.ErrorMessages.GetMinLength(null), minLength.Value, length));
            }
            if (length > maxLength)
            {
                valid = false;
                if (!context.Collecting) return false;
                context.Report(Node, "maxLength", Messages.Count(Json.Schema.ErrorMessages.GetMaxLength(null), maxLength.Value, length));
            }
        }
        if (pattern is null && format is null) return valid;
        if (format is { NeedsElement: true } && !format.CheckElement(instance.ToElement()))
        {
            valid = false;
            if (!context.Collecting) return false;
            context.Report(Node, "format", Messages.Format(format.Name));
            if (pattern is null) return false;
        }
        char[]? rented = null;
        Span<char> buffer = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var text = buffer[..JsonText.Decode(raw, buffer)];
        if (pattern is not null && !Matches(raw, text, context))
        {
            valid = false;
        }
        if ((valid || context.Collecting) && format is { NeedsElement: false } && !format.Check(text))
        {
            valid = false;
            if (context.Collecting) context.Report(Node, "format", Messages.Format(format.Name));
        }
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return valid;
    }

    /// <summary>The pattern, reporting why a value fails it while collecting.</summary>
    private bool Matches(ReadOnlySpan<byte> raw, ReadOnlySpan<char> text, EvaluationContext context)
    {
        var result = MatchRaw(raw, plain: false);
        if (result == PatternResult.Undecided) result = Match(pattern!, text);
        if (result == PatternResult.Match) return true;
        if (context.Collecting)
        {
            context.Report(Node, "pattern", result == PatternResult.NoMatch
                ? Messages.Pattern(patternText!)
                : RegexBudget.TimeoutMessage("The value", pattern!.ToString(), matchTimeout));
        }
        return false;
    }
}
