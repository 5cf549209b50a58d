using System.Text.RegularExpressions;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// Remembers, for the validation running on this thread, which regexes already timed out, so a document with a
/// thousand hostile strings costs one timeout per pattern instead of a thousand. Evaluation is synchronous, so a
/// thread-static list is exactly "this validation call"; it is allocated only after a timeout.
/// </summary>
internal static class RegexBudget
{
    [ThreadStatic]
    private static List<Regex>? s_timedOut;

    // Until some regex times out somewhere in the process, there is nothing to remember, and the thread-static list
    // (a thread-local lookup per match, on the hot path) is not consulted at all.
    private static volatile bool s_anyTimedOut;

    /// <summary>Starts a new validation call.</summary>
    public static void Reset()
    {
        if (s_anyTimedOut) s_timedOut = null;
    }

    /// <summary>True when <paramref name="regex"/> already timed out during this call.</summary>
    public static bool HasTimedOut(Regex regex) => s_anyTimedOut && s_timedOut is { } list && list.Contains(regex);

    /// <summary>Records a timeout of <paramref name="regex"/> for the rest of this call.</summary>
    public static void MarkTimedOut(Regex regex)
    {
        s_anyTimedOut = true;
        (s_timedOut ??= []).Add(regex);
    }

    /// <summary>The message for a value (or property name) refused because matching it took too long.</summary>
    public static string TimeoutMessage(string subject, string pattern, TimeSpan timeout) =>
        $"{subject} could not be matched against the pattern \"{pattern}\" within {timeout.TotalMilliseconds:0} ms (the pattern backtracks catastrophically on it), so it is refused.";
}
