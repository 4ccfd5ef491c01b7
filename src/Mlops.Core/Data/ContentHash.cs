using System.Security.Cryptography;

namespace Mlops.Core.Data;

/// <summary>SHA-256 content hashes (lower-case hex): how data and models are identified outside git.</summary>
public static class ContentHash
{
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
