using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Output;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// The frame of every command: build the client from the global options, run, and turn every failure into a readable
/// message on standard error and exit code 2.
/// </summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
/// <param name="environment">The process around the command.</param>
internal abstract class RegistryCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    /// <summary>The process around the command.</summary>
    protected CliEnvironment Environment { get; } = environment;

    /// <summary>Where answers go.</summary>
    protected Printer Output { get; } = new(environment);

    /// <inheritdoc />
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var url = settings.ResolveUrl(Environment);
            using var http = Environment.CreateHttpClient();
            var client = new RegistryClient(http, url, settings.ResolveApiKey(Environment));
            return await RunAsync(client, settings, cancellationToken);
        }
        catch (RegistryApiException e)
        {
            ErrorReporter.Report(Environment.Error, e);
        }
        catch (RegistryUnreachableException e)
        {
            ErrorReporter.Report(Environment.Error, e.Message);
        }
        catch (UsageException e)
        {
            ErrorReporter.Report(Environment.Error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            ErrorReporter.Report(Environment.Error, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ErrorReporter.Report(Environment.Error, "cancelled.");
        }
        return ExitCodes.Error;
    }

    /// <summary>Does the command's work; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(RegistryClient client, TSettings settings, CancellationToken token);

    /// <summary>Reads a schema file, or standard input for <c>-</c>.</summary>
    protected async Task<string> ReadTextAsync(string path, CancellationToken token)
    {
        if (StandardInput.Is(path))
        {
            using var reader = new StreamReader(Environment.OpenStandardInput());
            return await reader.ReadToEndAsync(token);
        }
        if (!File.Exists(path)) throw new UsageException($"No such file: {path}");
        return await File.ReadAllTextAsync(path, token);
    }
}
