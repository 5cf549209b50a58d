using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary><c>pattern</c> with a match timeout: a value the regex cannot decide in time is refused, never waited for.</summary>
internal sealed class TimedPatternKeyword : PatternKeyword
{
    private readonly PatternRegexFactory _regexes;

    public TimedPatternKeyword(PatternRegexFactory regexes) => _regexes = regexes;

    public override object? ValidateKeywordValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new JsonSchemaException($"'pattern' value must be a string, found {value.ValueKind}");
        return _regexes.Create(value.GetString()!);
    }

    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String) return KeywordEvaluation.Ignore;
        var regex = (Regex)keyword.Value!;
        if (RegexBudget.HasTimedOut(regex)) return TimedOut(regex);
        try
        {
            return base.Evaluate(keyword, context);
        }
        catch (RegexMatchTimeoutException)
        {
            RegexBudget.MarkTimedOut(regex);
            return TimedOut(regex);
        }
    }

    private KeywordEvaluation TimedOut(Regex regex) => new()
    {
        Keyword = Name,
        IsValid = false,
        Error = RegexBudget.TimeoutMessage("The value", regex.ToString(), _regexes.MatchTimeout),
    };
}
