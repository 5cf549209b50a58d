using SchemaRegistry.Cli.Documents;
using SchemaRegistry.Cli.Http;

namespace SchemaRegistry.Cli.Validation;

/// <summary>
/// Streams a file through the registry's batch validation: read a buffer, cut complete batches, send them. One batch
/// is in flight while the next is being read, so reading and validating overlap; memory stays at two batches and one
/// read buffer.
/// </summary>
internal static class ValidationRun
{
    /// <summary>Validates every document <paramref name="reader"/> yields against schema <paramref name="schemaId"/>.</summary>
    /// <param name="client">The registry.</param>
    /// <param name="schemaId">The schema's global id.</param>
    /// <param name="reader">The file.</param>
    /// <param name="batches">Cuts documents into batches (and sends unreadable ones to the tally).</param>
    /// <param name="tally">Receives the verdicts.</param>
    /// <param name="progress">Told the bytes read so far after each buffer.</param>
    /// <param name="token">Stops between buffers.</param>
    public static async Task RunAsync(RegistryClient client, long schemaId, DocumentReader reader, BatchBuilder batches,
        ValidationTally tally, Action<long>? progress, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(tally);
        (DocumentBatch Batch, Task<BatchResultDto> Answer)? inFlight = null;
        try
        {
            bool more;
            do
            {
                more = await reader.ReadAsync(batches, token);
                if (!more) batches.Flush();
                while (batches.TryTake(out var batch))
                {
                    if (inFlight is { } previous) tally.AddBatch(previous.Batch, await previous.Answer);
                    inFlight = (batch, client.ValidateBatchAsync(schemaId, batch.Body, token));
                }
                progress?.Invoke(reader.BytesRead);
            }
            while (more);
            if (inFlight is { } last)
            {
                inFlight = null;
                tally.AddBatch(last.Batch, await last.Answer);
            }
        }
        finally
        {
            // When reading failed with a batch in flight, let that request finish so its task is not left unobserved.
            if (inFlight is { } pending) await ((Task)pending.Answer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
