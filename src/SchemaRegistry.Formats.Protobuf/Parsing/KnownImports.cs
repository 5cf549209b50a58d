using System.Collections.Frozen;

namespace SchemaRegistry.Formats.Protobuf.Parsing;

/// <summary>
/// Files a schema may import without a reference, as Confluent's <c>KNOWN_DEPENDENCIES</c>: the well-known types
/// (<c>google/protobuf/*.proto</c>) and most of <c>google/type/*.proto</c> are embedded in protobuf-net.Reflection;
/// the rest (Confluent's <c>meta.proto</c> and <c>decimal.proto</c>, and three <c>google/type</c> files) ship here.
/// A reference with the same name always wins over a built-in copy.
/// </summary>
internal static class KnownImports
{
    private static readonly FrozenDictionary<string, string> Shipped = new[]
    {
        "confluent/meta.proto",
        "confluent/type/decimal.proto",
        "google/type/decimal.proto",
        "google/type/interval.proto",
        "google/type/phone_number.proto",
    }.ToFrozenDictionary(name => name, Load, StringComparer.Ordinal);

    /// <summary>The text of a known import this plug-in ships, or null (the library may still embed it).</summary>
    public static string? Find(string path) => Shipped.GetValueOrDefault(path);

    private static string Load(string path)
    {
        using var stream = typeof(KnownImports).Assembly.GetManifestResourceStream("imports/" + path)
            ?? throw new InvalidOperationException($"The built-in import '{path}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
