using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Server.Errors;

/// <summary>
/// Turns every failure into an answer in the API's own error shape: refusals keep their code, oversized or malformed
/// requests become 413/400, and anything unexpected becomes a 500 with a generic message (the details go to the log).
/// </summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, Core.Observability.RegistryTelemetry telemetry, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            await WriteStatusOnlyAsync(context);
        }
        catch (RegistryException e)
        {
            // Refusals are the caller's business; a failing store is the operator's.
            if (e.Code.HttpStatus() >= 500)
            {
                if (e.Code == ErrorCode.StoreError) telemetry.StorageError("request");
                logger.LogError(e, "{Method} {Path} failed: {Message}", context.Request.Method, context.Request.Path, e.Message);
            }
            await ErrorResponses.WriteAsync(context, e.Code, e.Message, e.Details);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await ErrorResponses.WriteAsync(context, ErrorCode.PayloadTooLarge, Http.JsonBody.TooLarge(limit ?? 0).Message);
        }
        catch (BadHttpRequestException e)
        {
            await ErrorResponses.WriteAsync(context, ErrorCode.BadRequest, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ErrorResponses.WriteAsync(context, ErrorCode.StoreError, "Internal server error; the registry logged the details.");
        }
    }

    // Routing answers 404/405 with an empty body; give them the API's error shape so clients can read them.
    private static Task WriteStatusOnlyAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType)) return Task.CompletedTask;
        return response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ErrorResponses.WriteAsync(context, ErrorCode.NotFound, $"HTTP 404 Not Found: no endpoint at {context.Request.Method} {context.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ErrorResponses.WriteAsync(context, ErrorCode.MethodNotAllowed, $"HTTP 405 Method Not Allowed: {context.Request.Method} is not supported on {context.Request.Path}."),
            StatusCodes.Status415UnsupportedMediaType => ErrorResponses.WriteAsync(context, ErrorCode.UnsupportedMediaType, $"HTTP 415 Unsupported Media Type: send application/vnd.schemaregistry.v1+json or application/json."),
            _ => Task.CompletedTask,
        };
    }
}
