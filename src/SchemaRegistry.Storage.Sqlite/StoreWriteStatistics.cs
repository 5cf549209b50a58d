namespace SchemaRegistry.Storage.Sqlite;

/// <summary>
/// Counters of the group-commit writer since the store was opened, for tests and <c>/metrics</c>.
/// <see cref="Commits"/> below <see cref="CommandsApplied"/> plus <see cref="CommandsRefused"/> means batching worked.
/// </summary>
/// <param name="Batches">Batches the writer took from the queue (each is one transaction).</param>
/// <param name="Commits">Transactions committed (each is one fsync of the WAL).</param>
/// <param name="FailedCommits">Transactions that could not be committed; every command in them failed.</param>
/// <param name="CommandsApplied">Commands committed and acknowledged.</param>
/// <param name="CommandsRefused">Commands refused (their savepoint rolled back) in a committed batch.</param>
/// <param name="CommandsFailed">Commands failed because their batch could not be committed.</param>
/// <param name="CommandsCancelled">Commands cancelled by their caller before the writer applied them.</param>
/// <param name="LargestBatch">The most commands one transaction carried.</param>
/// <param name="QueueLength">Commands waiting for the writer right now.</param>
public readonly record struct StoreWriteStatistics(
    long Batches,
    long Commits,
    long FailedCommits,
    long CommandsApplied,
    long CommandsRefused,
    long CommandsFailed,
    long CommandsCancelled,
    int LargestBatch,
    int QueueLength);
