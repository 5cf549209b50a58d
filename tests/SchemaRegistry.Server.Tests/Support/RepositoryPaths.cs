using System.Reflection;

namespace SchemaRegistry.Server.Tests.Support;

/// <summary>Where things are: the repository root, the shared conformance data, the built server.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding SchemaRegistry.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/conformance next to the checkout (read in place, never copied).</summary>
    public static string Conformance
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"The conformance data is missing: expected {path} (../shared/conformance next to the checkout).");
        }
    }

    /// <summary>The server assembly built with the same configuration as these tests.</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(Root, "src", "SchemaRegistry.Server", "bin", configuration, "net10.0", "SchemaRegistry.Server.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the server first: {path} is missing.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No SchemaRegistry.slnx above {AppContext.BaseDirectory}.");
    }
}
