using System.Net;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// With no authentication configured, the registry only serves loopback addresses unless the operator says
/// <c>--allow-anonymous</c> (CONTRACT.md): an open registry on a network interface must be a decision, not an accident.
/// </summary>
public static class AnonymousAccessGuard
{
    /// <summary>
    /// Refuses to start when the configured listen addresses include a non-loopback one and the operator did not say
    /// <c>--allow-anonymous</c>; warns when they did.
    /// </summary>
    public static void EnforceAtStartup(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var urls = (app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? RegistryServices.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exposed = NonLoopback(urls);
        if (exposed.Count == 0) return;
        var allow = app.Configuration.GetValue<bool>($"{ServerOptions.Section}:{nameof(ServerOptions.AllowAnonymous)}");
        if (!allow)
            throw new InvalidOperationException(
                $"Refusing to listen on {string.Join(", ", exposed)} without authentication: anonymous access is only allowed on loopback addresses. " +
                "Listen on 127.0.0.1/localhost, or pass --allow-anonymous to accept anonymous requests from the network.");
        app.Logger.LogWarning("Anonymous access is allowed on non-loopback addresses {Addresses} (--allow-anonymous)", string.Join(", ", exposed));
    }

    /// <summary>The addresses among <paramref name="urls"/> that are not loopback.</summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var exposed = new List<string>();
        foreach (var url in urls)
        {
            if (!IsLoopback(url)) exposed.Add(url);
        }
        return exposed;
    }

    /// <summary>True when a listen URL binds a loopback address only.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) mean every interface.
        var host = url;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host[(scheme + 3)..];
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) host = host[..slash];
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon >= 0) host = host[..colon];
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
