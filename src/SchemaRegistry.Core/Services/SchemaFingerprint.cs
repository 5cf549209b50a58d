using System.Security.Cryptography;
using System.Text;

namespace SchemaRegistry.Core.Services;

/// <summary>The SHA-256 fingerprint of a schema's canonical text, as lower-case hex.</summary>
public static class SchemaFingerprint
{
    /// <summary>SHA-256 of the UTF-8 canonical text, lower-case hex.</summary>
    public static string Of(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText), hash);
        return Convert.ToHexStringLower(hash);
    }
}
