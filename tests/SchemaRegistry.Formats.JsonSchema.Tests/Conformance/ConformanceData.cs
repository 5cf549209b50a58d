namespace SchemaRegistry.Formats.JsonSchema.Tests.Conformance;

/// <summary>
/// Finds the shared conformance data, read in place: <c>&lt;repo root&gt;/../shared/conformance</c>, where the repo root
/// is the folder holding <c>SchemaRegistry.slnx</c> above the test binaries. Missing data is a failure, never a skip.
/// </summary>
public static class ConformanceData
{
    private static readonly Lazy<string> RootFolder = new(Locate);

    /// <summary>The conformance folder.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>A path inside the conformance folder; throws with a clear message when it is missing.</summary>
    public static string PathOf(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InvalidOperationException($"Conformance data missing: {path}. It is read in place from ../shared/conformance next to the repository.");
        return path;
    }

    private static string Locate()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SchemaRegistry.slnx"))) folder = folder.Parent;
        if (folder is null)
            throw new InvalidOperationException($"No SchemaRegistry.slnx above {AppContext.BaseDirectory}: cannot locate the repository root and so ../shared/conformance.");
        var conformance = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "conformance"));
        if (!Directory.Exists(conformance))
            throw new InvalidOperationException($"Conformance data missing: {conformance} does not exist (expected ../shared/conformance beside the repository root {folder.FullName}).");
        return conformance;
    }
}
