using System.Runtime.CompilerServices;

namespace SchemaRegistry.Formats.JsonSchema.Support;

/// <summary>
/// Lets work whose depth cannot be bounded beforehand (the diff follows references) start on the calling thread and
/// move to the large stack only if it needs to: the work calls <see cref="EnsureRoom"/> at each level of its
/// recursions, which gives up when the remaining stack falls under the runtime's safety margin (128 KB on 64-bit);
/// <see cref="TryRun{T}"/> then reports failure and the caller starts the work over on <see cref="LargeStack"/>. The
/// work must be a pure function of its inputs (anything it caches beyond itself must be complete when published),
/// so starting over gives the same answer.
/// </summary>
internal static class InlineStack
{
    [ThreadStatic]
    private static bool t_inline;

    [ThreadStatic]
    private static long t_restarts;

    /// <summary>How many times work run here by <see cref="TryRun{T}"/> ran short of stack, on this thread (for tests).</summary>
    public static long Restarts => t_restarts;

    /// <summary>
    /// Runs <paramref name="work"/> here, watching the stack. False (and no result) when it ran short of stack;
    /// exceptions of the work itself propagate.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, out T result)
    {
        var outer = t_inline;
        t_inline = true;
        try
        {
            result = work();
            return true;
        }
        catch (StackExhaustedException)
        {
            t_restarts++;
            result = default!;
            return false;
        }
        finally
        {
            t_inline = outer;
        }
    }

    /// <summary>
    /// Called at each recursion level of work run by <see cref="TryRun{T}"/>: throws (to be caught there) when the
    /// stack is running short. Elsewhere (on the large stack) it does nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureRoom()
    {
        if (t_inline && !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new StackExhaustedException();
    }

    /// <summary>Unwinds inline work that ran short of stack; never escapes <see cref="TryRun{T}"/>.</summary>
#pragma warning disable CA1064, CA1032 // Internal control flow between EnsureRoom and TryRun, never seen outside.
    private sealed class StackExhaustedException : Exception;
#pragma warning restore CA1064, CA1032
}
