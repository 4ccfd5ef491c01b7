using Mlops.Core.Models;
using Mlops.Core.Registry;

namespace Mlops.Core.Lifecycle;

/// <summary>
/// "Which model do you mean": the one rule for every command that takes a model (<c>--model</c>).
/// An existing folder (or file) is a model folder; otherwise <c>vN</c>, a prefix of 4+ hex digits of
/// the artifact hash, <c>production</c> (the production model of the registry's only problem in
/// production) or <c>production:NAME</c> (of the problem NAME) is a registry version; otherwise a path (it holds a
/// separator or starts with a dot) is a model folder that is not there; anything else is an error
/// naming both readings. An existing folder wins over a version of the same name, as a shell user
/// expects of a path.
/// </summary>
public sealed record ModelReference
{
    private ModelReference(string text, bool isFolder)
    {
        Text = text;
        IsFolder = isFolder;
    }

    /// <summary>What the user typed.</summary>
    public string Text { get; }

    /// <summary>True for a model folder, false for a registry version.</summary>
    public bool IsFolder { get; }

    /// <exception cref="InvalidInputException">Neither a folder nor a version name.</exception>
    public static ModelReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (Directory.Exists(text) || File.Exists(text))
        {
            return new ModelReference(text, isFolder: true);
        }

        if (VersionResolver.IsVersionName(text))
        {
            return new ModelReference(text.Trim(), isFolder: false);
        }

        if (text.Contains('/', StringComparison.Ordinal) || text.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || text.StartsWith('.'))
        {
            return new ModelReference(text, isFolder: true);
        }

        throw new InvalidInputException(
            $"{text}: no such model folder, and not a registry version (vN, {VersionResolver.MinimumPrefixLength}+ hex digits of the artifact hash, or '{VersionResolver.ProductionAlias}' / '{VersionResolver.ProductionOfProblem}NAME')");
    }

    /// <summary>
    /// The registry at <paramref name="location"/>, which must exist: looking a version up never creates
    /// an empty registry as a side effect.
    /// </summary>
    /// <exception cref="InvalidInputException">There is no registry there.</exception>
    public ModelRegistry OpenRegistry(RegistryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Exists
            ? ModelRegistry.Open(location)
            : throw new InvalidInputException($"{Text}: no such model folder, and no registry at {location} to look the version up in (set MLOPS_HOME or MLOPS_REGISTRY)");
    }

    /// <summary>
    /// Loads the model: a folder as it is, a version from its verified artifact in the registry at
    /// <paramref name="location"/>. The name is what the user gave for a folder, "vN (stage)" for a version.
    /// </summary>
    public (TrainedModel Model, string Name, ModelVersion? Version) Load(RegistryLocation location, Action<string>? warn = null)
    {
        if (IsFolder)
        {
            return (ModelDirectory.Load(Text, warn), Text, null);
        }

        return LoadVersion(OpenRegistry(location), Text, warn);
    }

    /// <summary>Loads <paramref name="version"/> from its verified artifact in <paramref name="registry"/>, named "vN (stage)".</summary>
    public static (TrainedModel Model, string Name, ModelVersion? Version) LoadVersion(ModelRegistry registry, string version, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var artifact = registry.Load(version);
        return (ModelDirectory.Load(artifact.Path, warn), Describe(artifact.Model), artifact.Model);
    }

    /// <summary>How a registered version is named in reports: "v3 (production)", "v1 (archived)".</summary>
    public static string Describe(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"{version.Version} ({version.Stage.ToString().ToLowerInvariant()})";
    }
}
