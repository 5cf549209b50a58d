using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Http;

/// <summary>
/// Which requests stay on a socket event thread and which move to the thread pool. The middleware is run from a
/// dedicated thread, which is what an event thread is to it: not a thread-pool thread.
/// </summary>
public sealed class EventThreadsTests
{
    [Fact]
    public async Task An_unmarked_endpoint_moves_to_the_thread_pool()
    {
        var ran = await RunFromOwnThreadAsync(Context(marked: false));
        ran.OnPool.ShouldBeTrue();
    }

    [Fact]
    public async Task A_marked_endpoint_with_a_small_body_runs_where_it_is()
    {
        var ran = await RunFromOwnThreadAsync(Context(marked: true, contentLength: 1_700));
        ran.OnPool.ShouldBeFalse();
        ran.SameThread.ShouldBeTrue();
    }

    [Fact]
    public async Task A_marked_endpoint_without_a_body_runs_where_it_is()
    {
        var ran = await RunFromOwnThreadAsync(Context(marked: true));
        ran.SameThread.ShouldBeTrue();
    }

    [Fact]
    public async Task A_marked_endpoint_with_a_body_past_the_budget_moves()
    {
        var ran = await RunFromOwnThreadAsync(Context(marked: true, contentLength: EventThreads.MaxInlineBodyBytes + 1));
        ran.OnPool.ShouldBeTrue();
    }

    [Fact]
    public async Task A_marked_endpoint_with_a_chunked_body_moves()
    {
        var context = Context(marked: true);
        context.Request.Headers.TransferEncoding = "chunked";
        var ran = await RunFromOwnThreadAsync(context);
        ran.OnPool.ShouldBeTrue();
    }

    [Fact]
    public async Task On_a_thread_pool_thread_nothing_moves()
    {
        var ran = await Task.Run(async () =>
        {
            var caller = Environment.CurrentManagedThreadId;
            var seen = -1;
            await new EventThreads.HopMiddleware(_ => { seen = Environment.CurrentManagedThreadId; return Task.CompletedTask; })
                .InvokeAsync(Context(marked: false));
            return seen == caller;
        });
        ran.ShouldBeTrue();
    }

    [Fact]
    public async Task A_hop_never_comes_back_to_the_calling_thread()
    {
        // The pool may run the continuation before the caller's await looks at it: repeated, that race shows.
        for (var i = 0; i < 2000; i++)
        {
            var ran = await RunFromOwnThreadAsync(Context(marked: false));
            ran.OnPool.ShouldBeTrue($"attempt {i}");
        }
    }

    [Fact]
    public async Task Leaving_an_event_thread_continues_on_the_thread_pool()
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            async Task LeaveAsync()
            {
                await EventThreads.LeaveEventThreadAsync();
                done.SetResult(Thread.CurrentThread.IsThreadPoolThread);
            }
            LeaveAsync().ContinueWith(t => done.TrySetException(t.Exception!.InnerExceptions), TaskContinuationOptions.OnlyOnFaulted);
        });
        thread.Start();
        (await done.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task With_inline_completions_the_server_runs_one_socket_event_thread_per_core()
    {
        if (!OperatingSystem.IsLinux()) return; // thread names are read from /proc
        int inline, standard;
        await using (var server = await ServerProcess.StartAsync(null, "--Registry:Http:InlineCompletions=true"))
        {
            await AnswersAsync(server);
            inline = SocketEventThreads(server.ProcessId);
            server.KillHard();
            server.DeleteData();
        }
        await using (var server = await ServerProcess.StartAsync())
        {
            await AnswersAsync(server);
            standard = SocketEventThreads(server.ProcessId);
            server.KillHard();
            server.DeleteData();
        }
        inline.ShouldBe(Environment.ProcessorCount);
        // Off by default: the runtime's own count, one event thread for every ~30 cores (x64).
        if (Environment.ProcessorCount > 1) standard.ShouldBeLessThan(inline);
        else standard.ShouldBe(1);
    }

    [Fact]
    public async Task Only_validations_by_id_and_lookups_are_marked_to_run_on_event_threads()
    {
        await using var factory = new RegistryFactory();
        _ = factory.CreateClient();
        var marked = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EventThreads.ShortRequest>() is not null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal)
            .ToList();
        marked.ShouldBe(new[]
        {
            "GET /schemas/ids/{id:long}",
            "GET /schemas/ids/{id:long}/schema",
            "GET /subjects/{subject}/versions/{version}",
            "GET /subjects/{subject}/versions/{version}/schema",
            "POST /api/v1/validate/{id:long}",
            "POST /api/v1/validate/{id:long}/batch",
        }.Order(StringComparer.Ordinal).ToList());
    }

    private static async Task AnswersAsync(ServerProcess server)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        (await client.GetAsync("/subjects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var registered = await client.PostAsync("/subjects/s/versions",
            new StringContent("""{"schemaType":"JSON","schema":"{\"type\":\"object\"}"}""", System.Text.Encoding.UTF8, "application/json"));
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var validated = await client.PostAsync("/api/v1/validate/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        (await validated.Content.ReadAsStringAsync()).ShouldContain("\"valid\":true");
    }

    private static int SocketEventThreads(int processId) =>
        Directory.GetDirectories($"/proc/{processId}/task").Count(task => ThreadName(task) == ".NET Sockets");

    private static string? ThreadName(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).Trim();
        }
        catch (IOException)
        {
            return null; // the thread ended while we counted
        }
    }

    private static DefaultHttpContext Context(bool marked, long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        var metadata = marked ? new EndpointMetadataCollection(EventThreads.ShortRequest.Instance) : new EndpointMetadataCollection();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, "test"));
        context.Request.ContentLength = contentLength;
        return context;
    }

    /// <summary>Runs the middleware from a dedicated thread; says where the endpoint ran.</summary>
    private static async Task<(bool OnPool, bool SameThread)> RunFromOwnThreadAsync(HttpContext context)
    {
        var done = new TaskCompletionSource<(bool, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var caller = Environment.CurrentManagedThreadId;
            var middleware = new EventThreads.HopMiddleware(_ =>
            {
                done.TrySetResult((Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId == caller));
                return Task.CompletedTask;
            });
            middleware.InvokeAsync(context).ContinueWith(t => done.TrySetException(t.Exception!.InnerExceptions), TaskContinuationOptions.OnlyOnFaulted);
        });
        thread.Start();
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
