using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>Syntax, package, imports and file options.</summary>
internal static class FileRules
{
    public static void Compare(FileModel old, FileModel updated, DiffContext context)
    {
        if (old.IsProto3 != updated.IsProto3)
        {
            context.Add(ChangeKinds.SyntaxChanged, "/syntax",
                $"The syntax changed from {Syntax(old)} to {Syntax(updated)}: field presence, defaults and enum openness are read differently.");
        }
        if (old.Package != updated.Package)
        {
            context.Add(ChangeKinds.PackageChanged, "/package",
                $"The package changed from '{old.Package}' to '{updated.Package}': every type's full name changed (type URLs, record names, services).");
        }
        foreach (var import in updated.Imports.Except(old.Imports, StringComparer.Ordinal))
            context.Add(ChangeKinds.ImportAdded, "/imports/" + Pointer.Escape(import), $"The import '{import}' was added.");
        foreach (var import in old.Imports.Except(updated.Imports, StringComparer.Ordinal))
            context.Add(ChangeKinds.ImportRemoved, "/imports/" + Pointer.Escape(import), $"The import '{import}' was removed.");
        OptionRules.Compare(old.Options, updated.Options, "", "the file", context);
    }

    private static string Syntax(FileModel file) => file.IsProto3 ? "proto3" : "proto2";
}
