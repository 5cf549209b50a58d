using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;
using JsonText = SchemaRegistry.Formats.JsonSchema.Validation.Compiled.JsonText;
using Messages = SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Messages;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// <c>minLength</c> counting Unicode code points, as the specification says. JsonSchema.Net 8.0.5 counts grapheme
/// clusters ("e" + a combining accent is one), so the library path gets these handlers and both engines agree.
/// </summary>
internal sealed class CodePointMinLengthKeyword : MinLengthKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String) return KeywordEvaluation.Ignore;
        var length = JsonText.CodePoints(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(context.Instance)[1..^1]);
        var limit = (long)keyword.Value!;
        return length >= limit
            ? new KeywordEvaluation { Keyword = Name, IsValid = true }
            : new KeywordEvaluation { Keyword = Name, IsValid = false, Error = Messages.Count(ErrorMessages.GetMinLength(null), limit, length) };
    }
}

/// <summary><c>maxLength</c> counting Unicode code points (see <see cref="CodePointMinLengthKeyword"/>).</summary>
internal sealed class CodePointMaxLengthKeyword : MaxLengthKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String) return KeywordEvaluation.Ignore;
        var length = JsonText.CodePoints(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(context.Instance)[1..^1]);
        var limit = (long)keyword.Value!;
        return length <= limit
            ? new KeywordEvaluation { Keyword = Name, IsValid = true }
            : new KeywordEvaluation { Keyword = Name, IsValid = false, Error = Messages.Count(ErrorMessages.GetMaxLength(null), limit, length) };
    }
}
