namespace SchemaRegistry.Cli;

/// <summary>
/// The file argument meaning "standard input". Users write <c>-</c>; Spectre's parser would read a bare <c>-</c> as an
/// option without a name, so the entry passes it on as <see cref="Path"/>, which the commands (and users, if they
/// like) treat the same way on every platform.
/// </summary>
internal static class StandardInput
{
    /// <summary>What a bare <c>-</c> becomes before parsing.</summary>
    public const string Path = "/dev/stdin";

    /// <summary>True when <paramref name="file"/> names standard input.</summary>
    public static bool Is(string file) => file is "-" or Path;

    /// <summary>Rewrites bare <c>-</c> arguments as <see cref="Path"/>.</summary>
    public static string[] RewriteDash(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(a => a == "-" ? Path : a)];
    }
}
