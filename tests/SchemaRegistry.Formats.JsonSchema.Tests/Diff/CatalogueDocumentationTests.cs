using SchemaRegistry.Formats.JsonSchema.Diff;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Diff;

/// <summary>docs/compatibility.md must list every change kind with its impact, so the documentation stays true.</summary>
public sealed class CatalogueDocumentationTests
{
    [Fact]
    public void The_documented_catalogue_matches_the_code()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SchemaRegistry.slnx"))) folder = folder.Parent;
        folder.ShouldNotBeNull("repository root (SchemaRegistry.slnx) not found");
        var document = File.ReadAllText(Path.Combine(folder.FullName, "docs", "compatibility.md"));
        foreach (var kind in ChangeKinds.All)
            document.ShouldContain($"| `{kind.Kind}` | {kind.Impact} |", customMessage: $"{kind.Kind} is missing from docs/compatibility.md or has another impact there");
    }
}
