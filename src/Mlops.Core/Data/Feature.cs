namespace Mlops.Core.Data;

/// <summary>A named model input with its kind and how to read it from a row.</summary>
public sealed class Feature
{
    private readonly Func<InsuranceFeatures, double> _read;

    private Feature(string name, FeatureKind kind, string description, Func<InsuranceFeatures, double> read)
    {
        Name = name;
        Kind = kind;
        Description = description;
        _read = read;
    }

    /// <summary>The column name in the seed's CSV format.</summary>
    public string Name { get; }

    public FeatureKind Kind { get; }

    public string Description { get; }

    public double ValueOf(InsuranceFeatures features) => _read(features);

    public override string ToString() => Name;

    public static Feature Training { get; } = new("training", FeatureKind.Categorical, "driver took a safety training (0/1)", f => f.Training ? 1 : 0);

    public static Feature Age { get; } = new("age", FeatureKind.Numerical, "age in years", f => f.Age);

    public static Feature EmergencyBraking { get; } = new("emergency_braking", FeatureKind.Categorical, "car has an emergency-braking assistant (0/1)", f => f.EmergencyBraking ? 1 : 0);

    public static Feature BrakingDistance { get; } = new("braking_distance", FeatureKind.Numerical, "braking distance in m", f => f.BrakingDistance);

    public static Feature Power { get; } = new("power", FeatureKind.Numerical, "engine power in kW", f => f.Power);

    public static Feature Miles { get; } = new("miles", FeatureKind.Numerical, "thousand miles per year", f => f.Miles);

    /// <summary>All six features, in the seed's column order.</summary>
    public static IReadOnlyList<Feature> All { get; } = [Training, Age, EmergencyBraking, BrakingDistance, Power, Miles];

    public static Feature? Find(string name) => All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
