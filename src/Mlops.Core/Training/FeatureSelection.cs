using Mlops.Core.Data;

namespace Mlops.Core.Training;

/// <summary>
/// Which of the six inputs a model may use. The talk's "back to phase I" asks whether to drop a
/// feature whose meaning changed (e.g. <c>emergency_braking</c>, now in almost every car): the model
/// still takes all six inputs (the service's contract does not change), but ignores the dropped ones
/// — they are left out of the engineered features, the sweet-spot search and the training ranges.
/// </summary>
public sealed class FeatureSelection
{
    private readonly HashSet<Feature> _dropped;

    private FeatureSelection(IEnumerable<Feature> dropped)
    {
        _dropped = [.. dropped];
        Dropped = [.. Feature.All.Where(_dropped.Contains)];
        Used = [.. Feature.All.Where(f => !_dropped.Contains(f))];
    }

    /// <summary>Every feature: the default model.</summary>
    public static FeatureSelection All { get; } = new([]);

    /// <summary>The features the model ignores, in the seed's column order.</summary>
    public IReadOnlyList<Feature> Dropped { get; }

    /// <summary>The features the model uses, in the seed's column order.</summary>
    public IReadOnlyList<Feature> Used { get; }

    public bool Uses(Feature feature) => !_dropped.Contains(feature);

    /// <summary>All features but the named ones.</summary>
    /// <exception cref="InvalidInputException">An unknown feature name, or nothing left to train on.</exception>
    public static FeatureSelection Dropping(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var dropped = new List<Feature>();
        foreach (var name in names)
        {
            var feature = Feature.Find(name.Trim())
                ?? throw new InvalidInputException($"cannot drop '{name}': not a feature (features: {string.Join(", ", Feature.All.Select(f => f.Name))})");
            dropped.Add(feature);
        }

        var selection = dropped.Count == 0 ? All : new FeatureSelection(dropped);
        return selection.Used.Count == 0
            ? throw new InvalidInputException("cannot drop every feature: the model needs at least one input")
            : selection;
    }
}
