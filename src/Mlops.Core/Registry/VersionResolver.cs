using System.Globalization;
using Mlops.Core.Registry.Catalog;

namespace Mlops.Core.Registry;

/// <summary>
/// Turns what a user types (<c>v3</c>, <c>1a2b3c</c>, <c>production</c>, <c>production:NAME</c>) into
/// exactly one version, or a clear error. Version numbers are global (<c>v3</c> names one model of
/// whatever problem); <c>production</c> is a problem's production model: the named one
/// (<c>production:NAME</c>, or the caller's <c>--problem</c>), else <see cref="ProblemScope"/>'s.
/// </summary>
internal static class VersionResolver
{
    /// <summary>Shorter prefixes match too much by chance to be a useful name.</summary>
    public const int MinimumPrefixLength = 4;

    public const string ProductionAlias = "production";

    /// <summary><c>production:NAME</c>: the production model of the problem NAME.</summary>
    public const string ProductionOfProblem = ProductionAlias + ":";

    /// <summary>True when <paramref name="text"/> has the form of a version name (whether or not such a version exists).</summary>
    public static bool IsVersionName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        return ProductionProblem(name, null) is not null || VersionName.TryParse(name) is not null || IsHashPrefix(name);
    }

    /// <param name="session">The catalog.</param>
    /// <param name="text">What the user typed.</param>
    /// <param name="problem">The problem <c>production</c> means (the caller's <c>--problem</c>); null: see <see cref="ProblemScope"/>.</param>
    public static ModelVersion Resolve(CatalogSession session, string text, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        if (ProductionProblem(name, problem) is { } named)
        {
            var scope = ProblemScope.Resolve(session, named.Length == 0 ? null : named);
            return ModelVersionRows.InProduction(session, scope)
                ?? throw new UnknownModelVersionException($"no {(named.Length == 0 ? "" : scope + " ")}model is in production; promote one with 'mlops registry promote VERSION'");
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
            $"'{name}' is not a version: use vN (e.g. v3), a prefix of at least {MinimumPrefixLength.ToString(CultureInfo.InvariantCulture)} hex digits of the artifact hash, or '{ProductionAlias}' ('{ProductionOfProblem}NAME' for a problem's)");
    }

    /// <summary>For <c>production</c> the problem it names ("" when none is named), else null.</summary>
    private static string? ProductionProblem(string name, string? problem)
    {
        if (name.Equals(ProductionAlias, StringComparison.OrdinalIgnoreCase))
        {
            return problem?.Trim() ?? "";
        }

        return name.StartsWith(ProductionOfProblem, StringComparison.OrdinalIgnoreCase) && name.Length > ProductionOfProblem.Length
            ? name[ProductionOfProblem.Length..].Trim()
            : null;
    }

    private static bool IsHashPrefix(string name) => name.Length >= MinimumPrefixLength && name.Length <= 64 && name.All(char.IsAsciiHexDigit);

    private static string Known(CatalogSession session)
    {
        var last = session.Scalar<long?>("SELECT MAX(number) FROM model_versions");
        return last is { } n ? $"the registry has v1 … {VersionName.Format((int)n)}" : "the registry has no models yet ('mlops registry add MODEL_DIR')";
    }
}
