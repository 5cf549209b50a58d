using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Observability;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>
/// Validation of data against registered schemas (CONTRACT.md). The hot path: the body is read once from the pipe,
/// decided by a validator compiled once per schema id (from the text when it can, see
/// <see cref="ValidationDecisions"/>), and the answer is written straight to the response pipe (a valid document's
/// answer is a constant).
/// </summary>
internal static class ValidationEndpoints
{
    private static readonly byte[] ValidAnswer = """{"valid":true,"errors":[]}"""u8.ToArray();

    public static RouteGroupBuilder MapNativeValidation(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Validation").RequirePermission(Permissions.SchemaValidate);
        group.MapPost("/validate/{id:long}", ValidateById).RunsOnEventThread()
            .AcceptsJson<JsonElement>().Produces<ValidationAnswer>()
            .WithSummary("Validate one JSON document against a schema id")
            .WithDescription("Answers {valid, errors:[{instancePath, schemaPath, keyword, message}]}. A body that is not JSON is a 400; an unknown id a 404. For a schema with several message types (Protobuf), ?message= names the one to validate against (default: the first).");
        group.MapPost("/validate/{id:long}/batch", ValidateBatchById).RunsOnEventThread()
            .AcceptsJson<JsonElement>().Produces<BatchAnswer>()
            .WithSummary("Validate a JSON array of documents against a schema id")
            .WithDescription("Answers {valid: N, invalid: M, results:[{index, valid, errors}]}.");
        group.MapPost("/subjects/{subject}/versions/{version}/validate", ValidateBySubject)
            .AcceptsJson<JsonElement>().Produces<ValidationAnswer>()
            .WithSummary("Validate one JSON document against a subject's version (integer, semver or latest)");
        return group;
    }

    private static async Task ValidateById(HttpContext context, long id, string? message, ValidationService validation, RegistryTelemetry telemetry, IOptions<ServerOptions> options)
    {
        var validator = await ValidatorAsync(validation, id, message, context.RequestAborted);
        await ValidateOneAsync(context, validator, telemetry, options.Value.Limits);
    }

    /// <summary>
    /// The schema's validator. One not compiled yet (the first validation after a registration or a restart) is
    /// loaded and compiled on the thread pool: compiling takes milliseconds, too long for a socket event thread.
    /// </summary>
    private static async ValueTask<IDataValidator> ValidatorAsync(ValidationService validation, long id, string? message, CancellationToken token)
    {
        if (message is null && validation.TryGetCompiledValidator(id) is { } compiled) return compiled;
        await EventThreads.LeaveEventThreadAsync();
        return await validation.GetValidatorAsync(id, message, token);
    }

    private static async Task ValidateBySubject(HttpContext context, string subject, string version, string? message, ValidationService validation, RegistryTelemetry telemetry, IOptions<ServerOptions> options)
    {
        var (_, id) = await validation.GetValidatorAsync(subject, VersionSelector.Parse(version, allowSemver: true), context.RequestAborted);
        var validator = await validation.GetValidatorAsync(id, message, context.RequestAborted);
        await ValidateOneAsync(context, validator, telemetry, options.Value.Limits);
    }

    private static async Task ValidateOneAsync(HttpContext context, IDataValidator validator, RegistryTelemetry telemetry, LimitOptions limits)
    {
        var body = await ReadBodyAsync(context.Request, limits, validator);
        ValidationOutcome outcome;
        try
        {
            using var activity = RegistryTelemetry.Activities.StartActivity("validate");
            outcome = ValidationDecisions.DecideOne(validator, body.Buffer, limits, telemetry);
            activity?.SetTag("registry.valid", outcome.IsValid);
        }
        finally
        {
            context.Request.BodyReader.AdvanceTo(body.Buffer.End);
        }
        var response = context.Response;
        response.ContentType = MediaTypes.Json;
        if (outcome.IsValid)
        {
            response.ContentLength = ValidAnswer.Length;
            await response.BodyWriter.WriteAsync(ValidAnswer, context.RequestAborted);
            return;
        }
        using (var writer = new Utf8JsonWriter(response.BodyWriter, Contracts.RegistryJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid"u8, false);
            WriteErrors(writer, outcome.Errors);
            writer.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static async Task ValidateBatchById(HttpContext context, long id, string? message, ValidationService validation, RegistryTelemetry telemetry, IOptions<ServerOptions> options)
    {
        var validator = await ValidatorAsync(validation, id, message, context.RequestAborted);
        var limits = options.Value.Limits;
        var body = await ReadBodyAsync(context.Request, limits, validator);
        ValidationDecisions.Batch batch;
        try
        {
            using var activity = RegistryTelemetry.Activities.StartActivity("validate");
            batch = ValidationDecisions.DecideBatch(validator, body.Buffer, limits, telemetry);
            activity?.SetTag("registry.batch_size", batch.Count);
        }
        finally
        {
            context.Request.BodyReader.AdvanceTo(body.Buffer.End);
        }
        try
        {
            var response = context.Response;
            response.ContentType = MediaTypes.Json;
            using (var writer = new Utf8JsonWriter(response.BodyWriter, Contracts.RegistryJson.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber("valid"u8, batch.Valid);
                writer.WriteNumber("invalid"u8, batch.Count - batch.Valid);
                writer.WriteStartArray("results"u8);
                for (var i = 0; i < batch.Count; i++)
                {
                    var outcome = batch.Outcomes[i];
                    if (outcome.IsValid && outcome.Errors.Count == 0)
                    {
                        WriteValidItem(writer, i);
                    }
                    else
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("index"u8, i);
                        writer.WriteBoolean("valid"u8, outcome.IsValid);
                        WriteErrors(writer, outcome.Errors);
                        writer.WriteEndObject();
                    }
                    // Large batches: hand full buffers to the socket instead of growing one big buffer.
                    if (writer.BytesPending > 32 * 1024) await FlushAsync(writer, response.BodyWriter, context.RequestAborted);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            batch.Return();
        }
    }

    /// <summary>
    /// <c>{"index":i,"valid":true,"errors":[]}</c> as one raw value: the same bytes the writer's six calls produce,
    /// without their per-call checks (most items of a batch are valid; the per-item writer calls showed in profiles).
    /// </summary>
    private static void WriteValidItem(Utf8JsonWriter writer, int index)
    {
        Span<byte> item = stackalloc byte[ValidItemPrefix.Length + 11 + ValidItemSuffix.Length];
        ValidItemPrefix.CopyTo(item);
        System.Buffers.Text.Utf8Formatter.TryFormat(index, item[ValidItemPrefix.Length..], out var digits);
        var length = ValidItemPrefix.Length + digits;
        ValidItemSuffix.CopyTo(item[length..]);
        writer.WriteRawValue(item[..(length + ValidItemSuffix.Length)], skipInputValidation: true);
    }

    private static ReadOnlySpan<byte> ValidItemPrefix => "{\"index\":"u8;

    private static ReadOnlySpan<byte> ValidItemSuffix => ",\"valid\":true,\"errors\":[]}"u8;

    private static async ValueTask FlushAsync(Utf8JsonWriter writer, PipeWriter pipe, CancellationToken token)
    {
        writer.Flush();
        await pipe.FlushAsync(token);
    }

    private static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<ValidationError> errors)
    {
        writer.WriteStartArray("errors"u8);
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("instancePath"u8, error.InstancePath);
            writer.WriteString("schemaPath"u8, error.SchemaPath);
            writer.WriteString("keyword"u8, error.Keyword);
            writer.WriteString("message"u8, error.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads the whole body from the request pipe, leaving it in the pipe's buffers (the caller advances past it once
    /// done). A body that is empty or over the size limit is refused here.
    /// </summary>
    private static async ValueTask<ReadResult> ReadBodyAsync(HttpRequest request, LimitOptions limits, IDataValidator validator)
    {
        JsonBody.EnsureReadable(request);
        JsonBody.EnsureWithinLimit(request, limits.MaxRequestBytes);
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            if (read.Buffer.Length > limits.MaxRequestBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                throw JsonBody.TooLarge(limits.MaxRequestBytes);
            }
            if (!read.IsCompleted)
            {
                // Keep buffering until the whole body is in: examined everything, consumed nothing.
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }
            if (read.Buffer.IsEmpty)
            {
                reader.AdvanceTo(read.Buffer.End);
                throw new RegistryException(ErrorCode.BadRequest, "The request body is empty; send a JSON document.");
            }
            // Validated on the thread pool: a body past the event threads' budget (a large batch), and any body for a
            // validator other than the compiled JSON Schema path (JsonSchema.Net, Avro, Protobuf), whose cost per
            // document is not known to be microseconds.
            if (read.Buffer.Length > EventThreads.MaxInlineBodyBytes || validator.Engine != "compiled")
                await EventThreads.LeaveEventThreadAsync();
            return read;
        }
    }

    /// <summary>The shape of a single validation answer (for the OpenAPI document).</summary>
    internal sealed record ValidationAnswer(bool Valid, IReadOnlyList<ValidationError> Errors);

    /// <summary>The shape of a batch answer (for the OpenAPI document).</summary>
    internal sealed record BatchAnswer(int Valid, int Invalid, IReadOnlyList<BatchItem> Results);

    /// <summary>One document's verdict in a batch.</summary>
    internal sealed record BatchItem(int Index, bool Valid, IReadOnlyList<ValidationError> Errors);
}
