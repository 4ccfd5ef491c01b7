using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Mlops.Core;

namespace Mlops.Hosting.Access;

/// <summary>
/// The shared secret that state changes need (<c>Authorization: Bearer …</c>): from <c>--token-file FILE</c>
/// or the <c>MLOPS_TOKEN</c> environment variable. It is compared in constant time and never printed:
/// <see cref="ToString"/> does not show it.
/// </summary>
public sealed class ApiToken
{
    public const string EnvironmentVariable = "MLOPS_TOKEN";

    /// <summary>Shorter secrets can be guessed; a generated token has 43 characters.</summary>
    public const int MinLength = 16;

    private readonly string _value;
    private readonly byte[] _hash;

    private ApiToken(string value)
    {
        _value = value;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Where the token came from, for start-up lines: the file or the variable, never the secret.</summary>
    public string Origin { get; private init; } = "";

    /// <summary>The header a client sends.</summary>
    public AuthenticationHeaderValue Header => new("Bearer", _value);

    /// <summary><c>--token-file FILE</c> if given, else <c>MLOPS_TOKEN</c>, else null (no token: state changes from loopback clients only).</summary>
    public static ApiToken? Resolve(string? tokenFile)
    {
        if (tokenFile is not null)
        {
            return FromFile(tokenFile);
        }

        var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(variable) ? null : From(variable, "$" + EnvironmentVariable);
    }

    public static ApiToken FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"token file {Excerpt.Quote(path)} does not exist (create one with e.g. `openssl rand -base64 32 > FILE`)");
        }

        // A token is one line; more than a few hundred bytes is not a token file.
        var info = new FileInfo(path);
        if (info.Length > 4096)
        {
            throw new InvalidInputException($"token file {Excerpt.Quote(path)} is {info.Length} bytes; a token is one line");
        }

        return From(File.ReadAllText(path), path);
    }

    /// <summary>A new random token (32 bytes, base64url) in <paramref name="path"/>, readable by the owner only; an existing file is kept and read.</summary>
    public static ApiToken CreateFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new StreamWriter(path, Encoding.ASCII, options);
            file.WriteLine(Generate());
        }

        return FromFile(path);
    }

    /// <summary>32 random bytes as base64url: 43 characters, safe in a header and a shell.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether a presented secret is this token; constant time in the presented text (both sides are hashed first).</summary>
    public bool Matches(ReadOnlySpan<char> presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(presented.ToArray());
        SHA256.HashData(bytes, hash);
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }

    public override string ToString() => $"token from {Origin}";

    private static ApiToken From(string text, string origin)
    {
        var value = text.Trim();
        if (value.Length < MinLength)
        {
            throw new InvalidInputException($"the token from {origin} has {value.Length} characters; use at least {MinLength} (e.g. `openssl rand -base64 32`)");
        }

        if (value.Any(c => c <= ' ' || c > '~'))
        {
            throw new InvalidInputException($"the token from {origin} holds spaces, line breaks or non-ASCII characters; a token is one word of printable ASCII");
        }

        return new ApiToken(value) { Origin = origin };
    }
}
