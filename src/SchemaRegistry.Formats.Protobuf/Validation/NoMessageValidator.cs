using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>The validator of a file that declares no message (only enums or services): no document can be one of its messages.</summary>
internal sealed class NoMessageValidator : IDataValidator
{
    private static readonly ValidationOutcome Outcome = ValidationOutcome.Invalid(
        [new ValidationError("", "", "message", "The schema declares no message type, so there is nothing to validate against.")]);

    public string Engine => "proto3-json";

    public ValidationOutcome Validate(JsonElement instance) => Outcome;
}
