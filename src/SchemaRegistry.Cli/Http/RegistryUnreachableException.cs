namespace SchemaRegistry.Cli.Http;

/// <summary>The registry could not be reached at all: refused, unresolvable, timed out, or the connection broke.</summary>
/// <param name="url">The URL the request went to.</param>
/// <param name="reason">Why it failed.</param>
/// <param name="inner">The underlying failure.</param>
internal sealed class RegistryUnreachableException(Uri url, string reason, Exception? inner = null)
    : Exception($"Could not reach the registry at {url}: {reason}", inner)
{
    /// <summary>The URL the request went to.</summary>
    public Uri Url { get; } = url;
}
