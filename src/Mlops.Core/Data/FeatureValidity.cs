using System.Globalization;

namespace Mlops.Core.Data;

/// <summary>
/// The values a feature can have at all, whatever the model: outside them a value is impossible (a
/// negative distance driven per year, an age of 10³⁰⁸). The one definition that the service's request
/// reader (422, the model never sees it), the monitor's ingestion (422, its windows never see it) and
/// the data-quality count of the analysis (<see cref="Analysis.ImpossibleValues"/>) read; the problem
/// schema is to take these bounds over. The upper bounds are far beyond any customer (the oldest person
/// lived 122 years; the strongest production cars have about 1,500 kW) and only stop absurd values:
/// an age of 1e308 turned the monitor's drift scores into 7.8e306.
/// </summary>
public static class FeatureValidity
{
    private static readonly Dictionary<Feature, ValidRange> Ranges = new()
    {
        [Feature.Training] = new(0, 1, MinExclusive: false, "0 or 1"),
        [Feature.Age] = new(0, 150, MinExclusive: true, "years"),
        [Feature.EmergencyBraking] = new(0, 1, MinExclusive: false, "0 or 1"),
        [Feature.BrakingDistance] = new(0, 1000, MinExclusive: true, "m"),
        [Feature.Power] = new(0, 5000, MinExclusive: true, "kW"),
        [Feature.Miles] = new(0, 1000, MinExclusive: false, "thousand miles per year"),
    };

    public static ValidRange Of(Feature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Ranges[feature];
    }

    /// <summary>Why <paramref name="value"/> is impossible for <paramref name="feature"/>, or null when it is possible.</summary>
    public static string? Violation(Feature feature, double value)
    {
        var range = Of(feature);
        return range.Contains(value) ? null : string.Create(CultureInfo.InvariantCulture, $"must be {range}, got {value}");
    }

    public static bool IsPossible(Feature feature, double value) => Of(feature).Contains(value);
}

/// <summary>A closed range, or one open at its lower end: (0, 150] for an age; <c>Unit</c> is said in messages ("years", "kW").</summary>
public sealed record ValidRange(double Min, double Max, bool MinExclusive, string Unit)
{
    public bool Contains(double value) =>
        double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(MinExclusive ? "more than" : "at least")} {Min} and at most {Max} ({Unit})");
}
