using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SchemaRegistry.Formats.JsonSchema.Support;

/// <summary>
/// Runs work on a thread with a known stack. Building a schema with JsonSchema.Net follows references recursively
/// (its cycle detection walks every reference chain on the call stack), and so do the meta-schema check and the diff;
/// a long chain of definitions would overflow a request thread's stack and end the process. The work therefore runs
/// on one of a few long-lived threads with a 64 MB stack (or, to check that a validator fits an ordinary thread, on
/// one with 1 MB). The threads are kept, not created per call: a thread with a large stack costs a millisecond to
/// start, which registrations (one parse, and one diff per earlier version) would otherwise pay many times over.
/// Work whose recursion is bounded (a schema without references, see <see cref="Parsing.DocumentShape"/>; a diff,
/// which watches its own stack) runs inline on ordinary threads instead (<see cref="RunInlineIfOrdinary{T}"/>):
/// even a kept thread costs two context switches and a wake-up per hop.
/// </summary>
internal static class LargeStack
{
    /// <summary>The stack given to the work (reserved address space; only the pages used are committed).</summary>
    public const int Size = 64 * 1024 * 1024;

    /// <summary>The stack of an ordinary thread, to check that a validator will run on one.</summary>
    public const int Ordinary = 1024 * 1024;

    private static readonly StackPool Large = new(Size, "json-schema-large-stack");
    private static readonly StackPool Small = new(Ordinary, "json-schema-ordinary-stack");

    /// <summary>Runs <paramref name="work"/> on a thread with <paramref name="stackSize"/> bytes of stack and returns its result.</summary>
    public static T Run<T>(Func<T> work, int stackSize = Size) =>
        (stackSize == Ordinary ? Small : stackSize == Size ? Large : throw new ArgumentOutOfRangeException(nameof(stackSize))).Run(work);

    /// <summary>
    /// True on a thread whose stack is known to be at least an ordinary one: a thread-pool thread (requests run there;
    /// the runtime gives them the platform's default stack, 1.5 MB or more) or a thread of these pools. Other threads
    /// (one created with a small stack, say) are not assumed to have room.
    /// </summary>
    public static bool OnOrdinaryThread => Thread.CurrentThread.IsThreadPoolThread || StackPool.OnPoolThread;

    /// <summary>True on a thread of the large-stack pool.</summary>
    public static bool OnLargeStack => Large.IsCurrent;

    /// <summary>
    /// Runs <paramref name="work"/> right here when <paramref name="fitsOrdinaryStack"/> (the caller has bounded how
    /// deep it can recurse) and this is an ordinary thread; otherwise on the large stack. Ordinary work thus costs no
    /// thread hop, and nothing that could exhaust a request thread's stack ever runs on one.
    /// </summary>
    public static T RunInlineIfOrdinary<T>(bool fitsOrdinaryStack, Func<T> work) =>
        fitsOrdinaryStack && OnOrdinaryThread ? work() : Run(work);

    /// <summary>A few worker threads with one stack size, started on first use; work from one of them runs inline.</summary>
    private sealed class StackPool(int stackSize, string name)
    {
        private readonly BlockingCollection<WorkItem> _queue = [];
        private readonly Lock _startLock = new();
        private bool _started;

        [ThreadStatic]
        private static StackPool? t_current;

        /// <summary>True on a thread of any pool.</summary>
        public static bool OnPoolThread => t_current is not null;

        /// <summary>True on a thread of this pool.</summary>
        public bool IsCurrent => t_current == this;

        public T Run<T>(Func<T> work)
        {
            // Nested work (a diff that parses, a parse that checks) stays on the thread it is already on.
            if (t_current == this) return work();
            EnsureStarted();
            using var item = new WorkItem<T>(work);
            _queue.Add(item);
            return item.WaitForResult();
        }

        private void EnsureStarted()
        {
            if (Volatile.Read(ref _started)) return;
            lock (_startLock)
            {
                if (_started) return;
                var workers = Math.Clamp(Environment.ProcessorCount, 2, 8);
                for (var i = 0; i < workers; i++)
                {
                    new Thread(Work, stackSize) { IsBackground = true, Name = name }.Start();
                }
                Volatile.Write(ref _started, true);
            }
        }

        private void Work()
        {
            t_current = this;
            foreach (var item in _queue.GetConsumingEnumerable()) item.Execute();
        }
    }

    private abstract class WorkItem : IDisposable
    {
        public abstract void Execute();
        public abstract void Dispose();
    }

    private sealed class WorkItem<T>(Func<T> work) : WorkItem
    {
        private readonly ManualResetEventSlim _done = new();
        private T _result = default!;
        private ExceptionDispatchInfo? _failure;

        public override void Execute()
        {
            try
            {
                _result = work();
            }
#pragma warning disable CA1031 // Captured and rethrown on the calling thread, unchanged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _done.Set();
            }
        }

        public T WaitForResult()
        {
            _done.Wait();
            _failure?.Throw();
            return _result;
        }

        public override void Dispose() => _done.Dispose();
    }
}
