namespace SchemaRegistry.Cli.Commands;

/// <summary>The command line asks for something that cannot be done as written (exit code 2).</summary>
/// <param name="message">What to fix.</param>
internal sealed class UsageException(string message) : Exception(message);
