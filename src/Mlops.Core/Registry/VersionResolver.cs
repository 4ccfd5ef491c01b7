using System.Globalization;
using Mlops.Core.Registry.Catalog;

namespace Mlops.Core.Registry;

/// <summary>Turns what a user types (<c>v3</c>, <c>1a2b3c</c>, <c>production</c>) into exactly one version, or a clear error.</summary>
internal static class VersionResolver
{
    /// <summary>Shorter prefixes match too much by chance to be a useful name.</summary>
    public const int MinimumPrefixLength = 4;

    public const string ProductionAlias = "production";

    /// <summary>True when <paramref name="text"/> has the form of a version name (whether or not such a version exists).</summary>
    public static bool IsVersionName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        return name.Equals(ProductionAlias, StringComparison.OrdinalIgnoreCase) || VersionName.TryParse(name) is not null || IsHashPrefix(name);
    }

    public static ModelVersion Resolve(CatalogSession session, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        if (name.Equals(ProductionAlias, StringComparison.OrdinalIgnoreCase))
        {
            return ModelVersionRows.InStage(session, ModelStage.Production)
                ?? throw new UnknownModelVersionException("no model is in production; promote one with 'mlops registry promote VERSION'");
        }

        if (VersionName.TryParse(name) is { } number)
        {
            return ModelVersionRows.ByNumber(session, number) ?? throw new UnknownModelVersionException($"{name}: no such version; {Known(session)}");
        }

        if (IsHashPrefix(name))
        {
            var matches = ModelVersionRows.ByArtifactPrefix(session, name.ToLowerInvariant());
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new UnknownModelVersionException($"{name}: no version's artifact hash starts with this; {Known(session)}"),
                _ => throw new UnknownModelVersionException(
                    $"{name}: ambiguous, the artifact hashes of {string.Join(", ", matches.Select(m => m.Version))} start with it; give more digits"),
            };
        }

        throw new UnknownModelVersionException(
            $"'{name}' is not a version: use vN (e.g. v3), a prefix of at least {MinimumPrefixLength.ToString(CultureInfo.InvariantCulture)} hex digits of the artifact hash, or '{ProductionAlias}'");
    }

    private static bool IsHashPrefix(string name) => name.Length >= MinimumPrefixLength && name.Length <= 64 && name.All(char.IsAsciiHexDigit);

    private static string Known(CatalogSession session)
    {
        var last = session.Scalar<long?>("SELECT MAX(number) FROM model_versions");
        return last is { } n ? $"the registry has v1 … {VersionName.Format((int)n)}" : "the registry has no models yet ('mlops registry add MODEL_DIR')";
    }
}
