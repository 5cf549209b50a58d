using SchemaRegistry.Formats.Protobuf.Diff;

namespace SchemaRegistry.Formats.Protobuf.Tests.Diff;

/// <summary>docs/formats.protobuf.md must list every change kind with its impact, so the documentation stays true.</summary>
public sealed class CatalogueDocumentationTests
{
    [Fact]
    public void The_documented_catalogue_matches_the_code()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SchemaRegistry.slnx"))) folder = folder.Parent;
        folder.ShouldNotBeNull("repository root (SchemaRegistry.slnx) not found");
        var document = File.ReadAllText(Path.Combine(folder.FullName, "docs", "formats.protobuf.md"));
        foreach (var (kind, impact) in ChangeKinds.Impacts)
            document.ShouldContain($"| `{kind}` | {impact} |", customMessage: $"{kind} is missing from docs/formats.protobuf.md or has another impact there");
    }
}
