namespace SchemaRegistry.Cli;

/// <summary>
/// The process entry of <c>llm-registry</c>. (Not a top-level program: the tests reference this assembly and the
/// server's, and the server's <c>Program</c> must stay the only one in the global namespace.)
/// </summary>
internal static class EntryPoint
{
    /// <summary>Runs the command line against the real console and network; returns the exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the running command (a validation stops between buffers) instead of killing the process.
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
    }
}
