namespace SchemaRegistry.Core.Services;

/// <summary>
/// Serializes writes to one subject, so that reading the latest version, checking compatibility and appending the
/// next version happen as one step and versions have no gaps or duplicates. Striped: a fixed array of semaphores keyed
/// by the subject's hash, so memory stays bounded however many subjects exist; two subjects that share a stripe only
/// wait for each other briefly.
/// </summary>
public sealed class SubjectLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes;

    /// <summary>Creates the stripes; a power of two.</summary>
    public SubjectLocks(int stripes = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripes, 1);
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++) _stripes[i] = new SemaphoreSlim(1, 1);
    }

    /// <summary>Waits for the subject's lock; dispose the result to release it.</summary>
    public async ValueTask<Releaser> AcquireAsync(string subject, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(subject) % (uint)_stripes.Length)];
        await stripe.WaitAsync(token).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var stripe in _stripes) stripe.Dispose();
    }

    /// <summary>Releases a subject lock.</summary>
    public readonly struct Releaser : IDisposable
    {
        private readonly SemaphoreSlim _stripe;

        internal Releaser(SemaphoreSlim stripe) => _stripe = stripe;

        /// <inheritdoc />
        public void Dispose() => _stripe?.Release();
    }
}
