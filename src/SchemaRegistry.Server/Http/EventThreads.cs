using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Where requests run. By default ASP.NET Core hands every socket event to the thread pool and then to one of
/// Kestrel's I/O queues: hand-offs that, on a small machine, cost more than the validation of a small document. With
/// <see cref="HttpSettings.InlineCompletions"/> (off by default) the socket event threads (one per core) parse each
/// request and run it themselves, as Node.js does and as the TechEmpower .NET entries do.
/// <para>
/// Measured on the 2-core bench machine against the default: validation of small documents +13 to 20%, of medium
/// ones +7%, batches +12 to 16%, lookups answered from the answer cache +12 to 25%; but lookups that read the store
/// -12%, and requests that must move to the thread pool (below) up to -25% when they are short. Hence off by default,
/// and on for a node that mostly validates.
/// </para>
/// <para>
/// While a request runs on an event thread, the other connections of that thread wait. So only endpoints marked
/// <see cref="RunsOnEventThread{TBuilder}"/> (validation by id and lookups: microseconds to a millisecond, no waiting
/// on another request), with a body of at most <see cref="MaxInlineBodyBytes"/>, stay on it; and a validation stays
/// only when its validator is already compiled and is the compiled JSON Schema path (a regular expression that is not
/// a simple one can still take up to its match timeout per string). Every other request (registrations, listings,
/// deletions, a body past the budget) moves to the thread pool before its endpoint runs (<see cref="HopMiddleware"/>),
/// and again once its body is in (<see cref="LeaveEventThreadAsync"/>): the end of a body that took several socket
/// reads arrives on an event thread. (After a wait on the socket, Kestrel resumes its own small steps, such as the
/// rest of a large response, on an event thread.) Nothing in the request path waits on a socket synchronously, and
/// store reads complete synchronously, so an event thread never waits on itself.
/// </para>
/// </summary>
internal static class EventThreads
{
    /// <summary>
    /// The largest body a request marked to run on an event thread may carry and still run there: 4 MiB of documents
    /// take a few milliseconds to validate (a 1,000-document batch of 1.7 KB documents, about 1 to 2 ms here), which
    /// is as long as the other connections of that thread wait.
    /// </summary>
    public const long MaxInlineBodyBytes = 4 * 1024 * 1024;

    /// <summary>The runtime's switch for running socket completions on the event threads (read once, at first use).</summary>
    private const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline completions on when configured, unless the environment already decides them
    /// (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>: any value but 1 leaves them off). The runtime reads that
    /// switch once, when the first socket waits, so it is set where the host creates Kestrel's socket transport (when
    /// the application is built, before anything binds): a host that never uses Kestrel (the test server) leaves the
    /// process as it found it. The switch applies to every socket of the process.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder, HttpSettings settings)
    {
        if (!settings.InlineCompletions) return;
        builder.WebHost.UseSockets(sockets =>
        {
            var decided = Environment.GetEnvironmentVariable(InlineCompletionsVariable);
            if (decided is null) Environment.SetEnvironmentVariable(InlineCompletionsVariable, decided = "1");
            sockets.UnsafePreferInlineScheduling = decided == "1";
        });
    }

    /// <summary>Marks endpoints that finish in microseconds and never block: they may run on an event thread.</summary>
    public static TBuilder RunsOnEventThread<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ShortRequest.Instance);

    /// <summary>True when the request may run where it is: a marked endpoint and a small body of known length.</summary>
    public static bool MayRunInline(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ShortRequest>() is null) return false;
        var request = context.Request;
        return request.ContentLength is { } length
            ? length <= MaxInlineBodyBytes
            : request.Headers.TransferEncoding.Count == 0; // no body at all (a chunked one could be any size)
    }

    /// <summary>
    /// Continues on the thread pool when called on an event thread. Endpoints call it once their body is in and before
    /// work that may run long: a body that took several socket reads resumes on the event thread that read its end.
    /// </summary>
    public static ThreadPoolHop LeaveEventThreadAsync() => default;

    /// <summary>
    /// The awaitable behind <see cref="LeaveEventThreadAsync"/>: complete on a thread-pool thread, else the rest is
    /// queued to the pool. (An async method around <c>Task.Yield</c> would race: the pool can finish it before its
    /// caller awaits, and the caller then goes on where it was, on the event thread.)
    /// </summary>
    public readonly struct ThreadPoolHop : System.Runtime.CompilerServices.ICriticalNotifyCompletion
    {
        public ThreadPoolHop GetAwaiter() => this;

        public bool IsCompleted => Thread.CurrentThread.IsThreadPoolThread;

        public void GetResult() { }

        public void OnCompleted(Action continuation) =>
            ThreadPool.QueueUserWorkItem(static c => c(), continuation, preferLocal: false);

        public void UnsafeOnCompleted(Action continuation) =>
            ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);
    }

    /// <summary>The endpoint metadata behind <see cref="RunsOnEventThread{TBuilder}"/>.</summary>
    internal sealed class ShortRequest
    {
        public static readonly ShortRequest Instance = new();
    }

    /// <summary>
    /// Moves a request that may run long off an event thread before the endpoint runs. A request already on a
    /// thread-pool thread (inline completions off, or a test host) goes on as it is.
    /// </summary>
    internal sealed class HopMiddleware(RequestDelegate next)
    {
        public Task InvokeAsync(HttpContext context) =>
            Thread.CurrentThread.IsThreadPoolThread || MayRunInline(context) ? next(context) : HopThenRunAsync(context);

        private async Task HopThenRunAsync(HttpContext context)
        {
            await LeaveEventThreadAsync();
            await next(context);
        }
    }
}
