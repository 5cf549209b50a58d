using System.Runtime.ExceptionServices;

namespace SchemaRegistry.Formats.JsonSchema.Support;

/// <summary>
/// Runs work on a thread with a large stack. Building a schema with JsonSchema.Net follows references recursively
/// (its cycle detection walks every reference chain on the call stack), and so do the meta-schema check and the diff;
/// a long chain of definitions would overflow a request thread's stack and end the process. Parsing, diffing and
/// compiling a validator are rare (not per request), so a dedicated thread per call is affordable.
/// </summary>
internal static class LargeStack
{
    /// <summary>The stack given to the work (reserved address space; only the pages used are committed).</summary>
    public const int Size = 64 * 1024 * 1024;

    /// <summary>The stack of an ordinary thread, to check that a validator will run on one.</summary>
    public const int Ordinary = 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a thread with <paramref name="stackSize"/> bytes of stack and returns its result.</summary>
    public static T Run<T>(Func<T> work, int stackSize = Size)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
#pragma warning disable CA1031 // Captured and rethrown on the calling thread, unchanged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, stackSize)
        {
            IsBackground = true,
            Name = "json-schema-large-stack",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
