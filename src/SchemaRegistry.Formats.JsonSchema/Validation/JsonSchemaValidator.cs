using System.Text.Json;
using Json.Schema;
using LibrarySchema = Json.Schema.JsonSchema;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// A validator built once per schema and shared by every request. A document is first evaluated in flag mode, which
/// stops at the first failure and builds almost no result tree; only an invalid document is evaluated again in list
/// mode (hierarchical output) to find the errors that explain the verdict, so the common case (valid data) pays for the verdict alone.
/// </summary>
internal sealed class JsonSchemaValidator : IDataValidator
{
    private readonly LibrarySchema _schema;
    private readonly EvaluationOptions _flag;
    private readonly EvaluationOptions _list;
    private readonly EvaluationErrors _errors;
    private readonly Lock? _gate;

    private JsonSchemaValidator(LibrarySchema schema, bool assertFormat, EvaluationErrors errors, bool serialize)
    {
        _schema = schema;
        _flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = assertFormat };
        _list = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = assertFormat };
        _errors = errors;
        _gate = serialize ? new Lock() : null;
    }

    /// <summary>Builds the validator of a parsed schema, with compiled pattern regexes.</summary>
    public static JsonSchemaValidator Compile(ParsedJsonSchema parsed, LibraryDialects dialects)
    {
        var build = LibrarySchemaBuilder.Build(parsed.LibraryRoot, parsed.LibraryReferences, dialects);
        return new JsonSchemaValidator(build.Root, parsed.Options.AssertFormat, new EvaluationErrors(parsed.Documents), build.ResolvesLazily);
    }

    /// <summary>Evaluated by JsonSchema.Net (the library path).</summary>
    public string Engine => "library";

    /// <inheritdoc />
    public ValidationOutcome Validate(JsonElement instance)
    {
        if (_gate is null) return ValidateUnguarded(instance);
        lock (_gate)
        {
            return ValidateUnguarded(instance);
        }
    }

    private ValidationOutcome ValidateUnguarded(JsonElement instance)
    {
        RegexBudget.Reset();
        try
        {
            if (_schema.Evaluate(instance, _flag).IsValid) return ValidationOutcome.Valid;
            return ValidationOutcome.Invalid(_errors.Collect(_schema.Evaluate(instance, _list), instance));
        }
        catch (InsufficientExecutionStackException)
        {
            return ValidationOutcome.Invalid([new ValidationError("", "", "$ref",
                "The document is nested too deeply for this recursive schema to be evaluated safely.")]);
        }
        catch (InvalidOperationException) when (LoneSurrogates.Find(instance) is { } path)
        {
            // JsonSchema.Net reads strings as .NET strings, which an escaped unpaired surrogate cannot become: such a
            // value is not Unicode text, so the document cannot be shown valid on this engine.
            return ValidationOutcome.Invalid([new ValidationError(path, "", "type",
                "The string holds an escaped unpaired surrogate (such as \\ud800), which is not Unicode text.")]);
        }
        catch (Exception e) when (e is RefResolutionException or JsonSchemaException)
        {
            // Parsing smoke-tests references, but a dynamic reference can still fail for a particular document:
            // that document cannot be shown valid, so it is refused with the reason.
            return ValidationOutcome.Invalid([new ValidationError("", "", "$ref", $"The schema could not be evaluated on this document: {e.Message}")]);
        }
    }
}
