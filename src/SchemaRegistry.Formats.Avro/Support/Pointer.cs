using System.Globalization;

namespace SchemaRegistry.Formats.Avro.Support;

/// <summary>Builds RFC 6901 JSON pointers ("" is the whole document).</summary>
internal static class Pointer
{
    /// <summary>Appends one reference token, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends an array index.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
}
