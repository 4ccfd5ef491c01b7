using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// Which features of its problem a model may use. The talk's "back to phase I" asks whether to drop a
/// feature whose meaning changed (e.g. <c>emergency_braking</c>, now in almost every car): the model
/// still takes every input (the service's contract does not change), but ignores the dropped ones —
/// they are left out of the encoded row, the sweet-spot search and the training ranges.
/// </summary>
public sealed class FeatureSelection
{
    private FeatureSelection(IReadOnlyList<string> dropped) => Dropped = dropped;

    /// <summary>Every feature: the default model.</summary>
    public static FeatureSelection All { get; } = new([]);

    /// <summary>The names to drop, as given; <see cref="DroppedOf"/> checks them against a problem.</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>All features but the named ones (checked against the problem when training starts).</summary>
    public static FeatureSelection Dropping(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string[] dropped = [.. names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        return dropped.Length == 0 ? All : new FeatureSelection(dropped);
    }

    /// <summary>The dropped features of <paramref name="problem"/> by their names in it, in the problem's order.</summary>
    /// <exception cref="InvalidInputException">A name that is not a feature, or nothing left to train on.</exception>
    public IReadOnlyList<string> DroppedOf(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Dropped)
        {
            var feature = problem.FindFeature(name)
                ?? throw new InvalidInputException($"cannot drop '{ProblemSchemaCheck.Short(name)}': not a feature of problem '{problem.Name}' (features: {string.Join(", ", problem.Features.Select(f => f.Name))})");
            dropped.Add(feature.Name);
        }

        return dropped.Count == problem.Features.Count
            ? throw new InvalidInputException("cannot drop every feature: the model needs at least one input")
            : [.. problem.Features.Select(f => f.Name).Where(dropped.Contains)];
    }
}
