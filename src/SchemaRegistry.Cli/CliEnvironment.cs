using System.Net;
using Spectre.Console;

namespace SchemaRegistry.Cli;

/// <summary>
/// What a command needs from the process around it: where to write, whether standard output is a terminal, the
/// environment variables, standard input, and how to make the HTTP client. The real process supplies its own
/// (<see cref="FromProcess"/>); tests supply writers and an in-process server's client.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output, for text that must come out verbatim (schemas, JSON).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error, for error messages.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>A Spectre console over <see cref="Out"/>, for tables and the progress bar.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>A Spectre console over <see cref="Error"/>.</summary>
    public required IAnsiConsole ErrorConsole { get; init; }

    /// <summary>True when standard output is an interactive terminal (a progress bar makes sense there).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Reads an environment variable (<c>LLM_REGISTRY_URL</c>, <c>LLM_REGISTRY_API_KEY</c>).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Opens standard input, for a file argument of <c>-</c>.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = System.Console.OpenStandardInput;

    /// <summary>Makes the HTTP client a command uses (the command disposes it). Request URIs are always absolute.</summary>
    public Func<HttpClient> CreateHttpClient { get; init; } = CreateDefaultHttpClient;

    /// <summary>The environment of the running process: the real console, variables and network.</summary>
    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        var outputIsTerminal = !System.Console.IsOutputRedirected;
        if (!outputIsTerminal)
        {
            // Redirected output has no width; Spectre would assume 80 columns and break change kinds mid-word in
            // tables. Lay them out for $COLUMNS, or wide.
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0
                ? columns
                : RedirectedWidth;
        }
        return new CliEnvironment
        {
            Out = System.Console.Out,
            Error = System.Console.Error,
            Console = console,
            ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }),
            OutputIsTerminal = outputIsTerminal,
        };
    }

    /// <summary>The width tables are laid out for when standard output is not a terminal and $COLUMNS is not set.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>
    /// An environment writing plain text (no colours, no cursor movement) to the given writers, with a wide fixed
    /// width so that tables do not wrap: what tests and other embedders want.
    /// </summary>
    /// <param name="output">Receives standard output.</param>
    /// <param name="error">Receives standard error.</param>
    /// <param name="createHttpClient">Makes the HTTP client (default: the real network).</param>
    /// <param name="variables">The environment variables (default: none).</param>
    /// <param name="standardInput">Standard input (default: empty).</param>
    /// <param name="width">The console width tables are laid out for.</param>
    public static CliEnvironment ForWriters(TextWriter output, TextWriter error, Func<HttpClient>? createHttpClient = null,
        IReadOnlyDictionary<string, string>? variables = null, Func<Stream>? standardInput = null, int width = 240)
    {
        return new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = PlainConsole(output, width),
            ErrorConsole = PlainConsole(error, width),
            OutputIsTerminal = false,
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            OpenStandardInput = standardInput ?? (() => Stream.Null),
            CreateHttpClient = createHttpClient ?? CreateDefaultHttpClient,
        };
    }

    private static IAnsiConsole PlainConsole(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = width;
        return console;
    }

    private static HttpClient CreateDefaultHttpClient() =>
        new(new SocketsHttpHandler
        {
            // A registry that is down should be reported quickly, not after the default 100 s.
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            // Large validation batches can take a while on the server; the connect timeout above catches dead hosts.
            Timeout = TimeSpan.FromMinutes(5),
        };
}
