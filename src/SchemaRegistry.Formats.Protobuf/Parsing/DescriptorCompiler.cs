using Google.Protobuf.Reflection;
using ProtoBuf.Reflection;

namespace SchemaRegistry.Formats.Protobuf.Parsing;

/// <summary>
/// The semantic check of a .proto file and its imports through protobuf-net.Reflection: names resolve, numbers are in
/// range and unique, proto3 rules hold. The result is the descriptor set the model is built from.
/// </summary>
internal static class DescriptorCompiler
{
    /// <summary>The name the schema itself gets in the descriptor set (imports keep their import paths).</summary>
    public const string MainFileName = "schema.proto";

    // protobuf-net error numbers that Confluent accepts: an unresolved custom option (Confluent registers
    // `option (some_ref) = "..."` importing only descriptor.proto, RestApiTest.testCustomOption).
    private const int UnresolvedCustomOption = 7;

    /// <summary>
    /// Compiles the schema text with its imports (path to text). Returns the descriptor set, or the first error as
    /// <c>line:column: message</c> (prefixed with the import path when the error is in an import).
    /// </summary>
    public static FileDescriptorSet Compile(string mainText, IReadOnlyList<KeyValuePair<string, string>> imports, out string? error)
    {
        var set = new FileDescriptorSet();
        var supplied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in imports)
        {
            if (supplied.Add(path)) set.Add(path, includeInOutput: false, new StringReader(text));
        }
        set.Add(MainFileName, includeInOutput: true, new StringReader(mainText));
        set.Process();
        var first = set.GetErrors().FirstOrDefault(e => e.IsError && e.ErrorNumber != UnresolvedCustomOption);
        error = first is null ? null : Describe(first);
        return set;
    }

    private static string Describe(Error error)
    {
        var where = $"{error.LineNumber}:{error.ColumnNumber}";
        var message = error.Message.TrimEnd('.');
        return error.File == MainFileName || string.IsNullOrEmpty(error.File)
            ? $"{where}: {message}"
            : $"in import '{error.File}' at {where}: {message}";
    }
}
