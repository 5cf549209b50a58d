using System.Globalization;
using SchemaRegistry.Cli.Http;

namespace SchemaRegistry.Cli.Output;

/// <summary>Prints failures on standard error as one readable paragraph: what failed, the server's words, the code.</summary>
internal static class ErrorReporter
{
    /// <summary>A refusal from the registry: its message, its reasons, then the HTTP status and error code.</summary>
    public static void Report(TextWriter error, RegistryApiException e)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(e);
        var code = e.Code is { } c ? string.Create(CultureInfo.InvariantCulture, $", error code {c}") : "";
        error.WriteLine($"error: {e.Message} (HTTP {(int)e.Status}{code})");
        foreach (var detail in e.Details) error.WriteLine($"  - {detail}");
    }

    /// <summary>Any other failure: its message.</summary>
    public static void Report(TextWriter error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"error: {message}");
    }
}
