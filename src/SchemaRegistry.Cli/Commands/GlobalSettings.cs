using System.ComponentModel;
using SchemaRegistry.Cli.Output;
using Spectre.Console.Cli;

namespace SchemaRegistry.Cli.Commands;

/// <summary>The options every command takes: where the registry is, the API key, the output format.</summary>
internal abstract class GlobalSettings : CommandSettings
{
    /// <summary>The registry used when neither <c>--url</c> nor <c>LLM_REGISTRY_URL</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:8081";

    /// <summary>The environment variable for the registry's URL.</summary>
    public const string UrlVariable = "LLM_REGISTRY_URL";

    /// <summary>The environment variable for the API key.</summary>
    public const string ApiKeyVariable = "LLM_REGISTRY_API_KEY";

    /// <summary>The registry's base URL.</summary>
    [CommandOption("--url <URL>")]
    [Description("The registry's base URL. Default: $LLM_REGISTRY_URL, else http://localhost:8081.")]
    public string? Url { get; set; }

    /// <summary>The API key.</summary>
    [CommandOption("--api-key <KEY>")]
    [Description("Sent as 'Authorization: Bearer KEY'. Default: $LLM_REGISTRY_API_KEY.")]
    public string? ApiKey { get; set; }

    /// <summary>The output format.</summary>
    [CommandOption("-o|--output <FORMAT>")]
    [Description("table (default), json or plain.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Output { get; set; } = OutputFormat.Table;

    /// <summary>The registry's URL from the option, the environment or the default; a usage error if it is not one.</summary>
    public Uri ResolveUrl(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = Url ?? environment.GetVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(text)) text = DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"The registry URL must be an absolute http:// or https:// URL, not '{text}' (--url or ${UrlVariable}).");
        return url;
    }

    /// <summary>The API key from the option or the environment, or null.</summary>
    public string? ResolveApiKey(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var key = ApiKey ?? environment.GetVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(key) ? null : key;
    }
}
