using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// Builds the <see cref="Regex"/> of every <c>pattern</c> and <c>patternProperties</c> key with a match timeout.
/// JsonSchema.Net 8.0.5 builds them as <c>new Regex(p, Compiled | ECMAScript)</c>, without a timeout, so a pattern
/// written for catastrophic backtracking would stall a request; the process-wide <c>REGEX_DEFAULT_MATCH_TIMEOUT</c>
/// would bound it only if set before the first regex of the process is built, and would then apply to every regex of
/// the host. The ECMAScript option is kept: it is what the library (and the JSON Schema test suite) expects.
/// </summary>
internal sealed class PatternRegexFactory
{
    private const int CacheLimit = 4096;
    private readonly ConcurrentDictionary<string, Regex> _cache = new(StringComparer.Ordinal);
    private readonly RegexOptions _options;

    /// <summary>A factory for interpreted (cheap to build) or compiled (fast to run) regexes.</summary>
    public PatternRegexFactory(TimeSpan matchTimeout, bool compiled)
    {
        MatchTimeout = matchTimeout;
        _options = RegexOptions.ECMAScript | (compiled ? RegexOptions.Compiled : RegexOptions.None);
    }

    /// <summary>How long one match may run before it is abandoned.</summary>
    public TimeSpan MatchTimeout { get; }

    /// <summary>The regex for a pattern; the same pattern gets the same (thread-safe, immutable) instance.</summary>
    public Regex Create(string pattern)
    {
        if (_cache.TryGetValue(pattern, out var cached)) return cached;
        var regex = new Regex(pattern, _options, MatchTimeout);
        // A registry sees a bounded set of patterns, but user input is unbounded: forget everything past the limit.
        if (_cache.Count >= CacheLimit) _cache.Clear();
        return _cache.GetOrAdd(pattern, regex);
    }
}
