using System.Collections;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// Puts the request id and the principal into the logging scope, so every log line written while serving a request
/// carries them next to the trace and span ids. Bodies are never logged.
/// </summary>
internal sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope(new RequestScope(context)))
        {
            await next(context);
        }
    }

    /// <summary>Scope state read lazily by the logger (nothing is formatted unless a line is written).</summary>
    private sealed class RequestScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("RequestId", context.TraceIdentifier),
            1 => new("Principal", RequestPrincipal.Name(context)),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestId:{context.TraceIdentifier} Principal:{RequestPrincipal.Name(context)}";
    }
}
