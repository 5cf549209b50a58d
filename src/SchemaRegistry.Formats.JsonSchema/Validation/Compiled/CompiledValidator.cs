using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The compiled validation path: a tree of specialised checks over <see cref="JsonElement"/>, built once per schema.
/// A document is first evaluated for its verdict only (stops at the first failure, allocates nothing); only an invalid
/// document is evaluated again to collect the errors that explain the verdict. Most schemas also get a stream path
/// (<see cref="IsCertainlyValid"/>), which accepts valid documents straight from their text.
/// </summary>
internal sealed class CompiledValidator : IDataValidator
{
    private readonly SchemaNode _root;
    private readonly StreamNode? _stream;

    public CompiledValidator(SchemaNode root)
    {
        _root = root;
        _stream = StreamCompiler.TryBuild(root);
    }

    /// <summary>True when valid documents can be decided from their text, without a document (see <see cref="StreamEvaluator"/>).</summary>
    internal bool Streams => _stream is not null;

    /// <inheritdoc />
    public bool IsCertainlyValid(ReadOnlySpan<byte> json, int maxDepth, out int consumed)
    {
        if (_stream is null)
        {
            consumed = 0;
            return false;
        }
        RegexBudget.Reset();
        return StreamEvaluator.IsValid(json, _stream, maxDepth, out consumed);
    }

    /// <inheritdoc />
    public string Engine => "compiled";

    /// <inheritdoc />
    public ValidationOutcome Validate(JsonElement instance)
    {
        try
        {
            var context = EvaluationContext.ForVerdict();
            if (_root.Evaluate(Instance.Of(instance), context, default)) return ValidationOutcome.Valid;
            context = EvaluationContext.ForErrors();
            _root.Evaluate(Instance.Of(instance), context, default);
            return ValidationOutcome.Invalid(Distinct(context.Errors!));
        }
        catch (InsufficientExecutionStackException)
        {
            return ValidationOutcome.Invalid([new ValidationError("", "", "$ref",
                "The document is nested too deeply for this recursive schema to be evaluated safely.")]);
        }
    }

    /// <summary>Each (instance, schema location, keyword) once, as the library path reports them.</summary>
    private static List<ValidationError> Distinct(List<ValidationError> errors)
    {
        if (errors.Count == 0) return [new ValidationError("", "", "", "The document does not match the schema.")];
        var seen = new HashSet<(string, string, string)>();
        errors.RemoveAll(e => !seen.Add((e.InstancePath, e.SchemaPath, e.Keyword)));
        return errors;
    }
}
