using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SchemaRegistry.Server.Tests.Support;

/// <summary>
/// The real server in-process over HTTP (TestServer), on its own SQLite file in a fresh temporary directory.
/// Extra settings can be passed as configuration keys (<c>Registry:Limits:MaxRequestBytes</c>...).
/// </summary>
public sealed class RegistryFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public RegistryFactory() : this(new Dictionary<string, string?>()) { }

    public RegistryFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        DataDirectory = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Registry:Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>One registry shared by the tests of a class (each test uses its own subjects).</summary>
public sealed class RegistryFixture : IDisposable
{
    public RegistryFixture()
    {
        Factory = new RegistryFactory();
        Client = Factory.CreateClient();
    }

    public RegistryFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
