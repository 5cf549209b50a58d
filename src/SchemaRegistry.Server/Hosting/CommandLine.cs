namespace SchemaRegistry.Server.Hosting;

/// <summary>Maps the server's own command-line switches onto configuration keys.</summary>
public static class CommandLine
{
    /// <summary>
    /// Rewrites <c>--data-dir DIR</c> and the bare flag <c>--allow-anonymous</c> into configuration keys, leaving
    /// ASP.NET's own switches (<c>--urls</c>...) as they are.
    /// </summary>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--allow-anonymous")
            {
                result.Add("--Registry:AllowAnonymous=true");
            }
            else if (arg is "--data-dir" && i + 1 < args.Length)
            {
                result.Add($"--Registry:Storage:DataDirectory={args[++i]}");
            }
            else if (arg.StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                result.Add($"--Registry:Storage:DataDirectory={arg["--data-dir=".Length..]}");
            }
            else
            {
                result.Add(arg);
            }
        }
        return [.. result];
    }
}
