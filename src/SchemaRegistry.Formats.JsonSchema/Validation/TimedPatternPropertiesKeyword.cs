using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary><c>patternProperties</c> with a match timeout on its property-name regexes.</summary>
internal sealed class TimedPatternPropertiesKeyword : PatternPropertiesKeyword
{
    private readonly PatternRegexFactory _regexes;

    public TimedPatternPropertiesKeyword(PatternRegexFactory regexes) => _regexes = regexes;

    public override object? ValidateKeywordValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new JsonSchemaException($"'patternProperties' value must be an object, found {value.ValueKind}");
        var regexes = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (member.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                throw new JsonSchemaException("Values must be valid schemas");
            regexes[member.Name] = _regexes.Create(member.Name);
        }
        return regexes;
    }

    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.Object) return KeywordEvaluation.Ignore;
        var regexes = (Dictionary<string, Regex>)keyword.Value!;
        foreach (var regex in regexes.Values)
        {
            if (RegexBudget.HasTimedOut(regex)) return TimedOut(regex);
        }
        try
        {
            return base.Evaluate(keyword, context);
        }
        catch (RegexMatchTimeoutException timeout)
        {
            var regex = regexes.Values.FirstOrDefault(r => r.ToString() == timeout.Pattern) ?? regexes.Values.First();
            RegexBudget.MarkTimedOut(regex);
            return TimedOut(regex);
        }
    }

    private KeywordEvaluation TimedOut(Regex regex) => new()
    {
        Keyword = Name,
        IsValid = false,
        Error = RegexBudget.TimeoutMessage("A property name", regex.ToString(), _regexes.MatchTimeout),
    };
}
