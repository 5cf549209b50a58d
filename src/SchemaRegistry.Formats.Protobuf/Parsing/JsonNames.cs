using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Parsing;

/// <summary>protoc's default JSON name of a field: underscores dropped, the letter after each one upper-cased.</summary>
internal static class JsonNames
{
    public static string Default(string fieldName)
    {
        var sb = new StringBuilder(fieldName.Length);
        var upper = false;
        foreach (var c in fieldName)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }
}
