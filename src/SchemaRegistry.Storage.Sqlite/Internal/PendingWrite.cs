using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// A command waiting for (or being applied by) the writer. Its outcome is held back until the batch's COMMIT has
/// succeeded, so a caller only ever hears "done" for a write that is on disk. Cancellation wins only while the
/// command is still queued: once the writer has started it, the caller gets the committed outcome.
/// </summary>
internal abstract class PendingWrite
{
    private const int Queued = 0, Started = 1, Cancelled = 2;
    private int _state;

    /// <summary>The caller's trace context, linked from the commit span that carries this write (default when untraced).</summary>
    public System.Diagnostics.ActivityContext Caller { get; } = System.Diagnostics.Activity.Current?.Context ?? default;

    /// <summary>Claims the command for the writer; false when its caller cancelled first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    /// <summary>The command, for what it touches.</summary>
    public abstract object Command { get; }

    /// <summary>What the command returned once applied (null before, or when refused).</summary>
    public abstract object? Result { get; }

    /// <summary>Applies the command's rows (inside the writer's savepoint) and keeps the result for <see cref="Publish"/>.</summary>
    public abstract void Apply(CommandApplier applier);

    /// <summary>Keeps a refusal for <see cref="Publish"/> (its savepoint was rolled back).</summary>
    public abstract void Refuse(Exception error);

    /// <summary>True once <see cref="Refuse"/> was called.</summary>
    public abstract bool IsRefused { get; }

    /// <summary>After COMMIT: hands the caller its result or its refusal.</summary>
    public abstract void Publish();

    /// <summary>The batch failed: hands the caller <paramref name="error"/>, whatever happened to the command.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Forgets the caller's cancellation registration (the command was never queued).</summary>
    public abstract void Abandon();
}

internal sealed class PendingWrite<TResult> : PendingWrite
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StoreCommand<TResult> _command;
    private readonly CancellationTokenRegistration _registration;
    private TResult? _result;
    private Exception? _error;

    public PendingWrite(StoreCommand<TResult> command, CancellationToken token)
    {
        _command = command;
        if (token.CanBeCanceled)
        {
            _registration = token.UnsafeRegister(static (state, cancelled) => ((PendingWrite<TResult>)state!).OnCancelled(cancelled), this);
        }
    }

    public Task<TResult> Task => _completion.Task;

    public override bool IsRefused => _error is not null;

    public override object Command => _command;

    public override object? Result => _result;

    public override void Apply(CommandApplier applier) => _result = applier.Apply(_command);

    public override void Refuse(Exception error) => _error = error;

    public override void Publish()
    {
        _registration.Dispose();
        if (_error is not null) _completion.TrySetException(_error);
        else _completion.TrySetResult(_result!);
    }

    public override void Fail(Exception error)
    {
        _registration.Dispose();
        _completion.TrySetException(error);
    }

    public override void Abandon() => _registration.Dispose();

    private void OnCancelled(CancellationToken token)
    {
        if (TryCancel()) _completion.TrySetCanceled(token);
    }
}
