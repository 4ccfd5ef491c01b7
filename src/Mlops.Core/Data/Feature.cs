using Mlops.Core.Problems;

namespace Mlops.Core.Data;

/// <summary>
/// A column of the talk's typed rows (<see cref="InsuranceFeatures"/>, what the generator writes and the
/// exploration reads): its name, kind and description are those of <c>config/insurance.problem.json</c>,
/// its value the typed row's at the same position — so the problem file stays the one place that names
/// the insurance features.
/// </summary>
public sealed class Feature
{
    private readonly int _index;

    private Feature(FeatureDefinition definition, int index)
    {
        Name = definition.Name;
        Kind = definition.Kind == FeatureType.Numeric ? FeatureKind.Numerical : FeatureKind.Categorical;
        Description = definition.Description ?? definition.Name;
        _index = index;
    }

    /// <summary>The column name in the seed's CSV format.</summary>
    public string Name { get; }

    public FeatureKind Kind { get; }

    public string Description { get; }

    public double ValueOf(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Value(_index);
    }

    public override string ToString() => Name;

    /// <summary>The insurance problem's features, in its file's order (the seed's column order).</summary>
    public static IReadOnlyList<Feature> All { get; } = [.. ProblemSchema.Insurance.Features.Select((definition, index) => new Feature(definition, index))];

    public static Feature? Find(string name) => All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
