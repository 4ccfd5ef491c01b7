using Mlops.Core.Data;

namespace Mlops.Core.Analysis;

/// <summary>
/// Values no customer can have, whatever the model (<see cref="FeatureValidity"/>): a negative distance
/// driven per year, a non-positive age, braking distance or engine power. The generator's miles fall by
/// a thousand a month, so late months hold negative miles — a data-quality problem a drift test alone
/// does not name.
/// </summary>
public static class ImpossibleValues
{
    /// <summary>The rule per feature; the 0/1 features cannot be impossible once read.</summary>
    public static IReadOnlyList<(Feature Feature, string Rule, Func<double, bool> IsImpossible)> Rules { get; } =
    [
        (Feature.Age, "age ≤ 0", v => !FeatureValidity.IsPossible(Feature.Age, v)),
        (Feature.BrakingDistance, "braking distance ≤ 0", v => !FeatureValidity.IsPossible(Feature.BrakingDistance, v)),
        (Feature.Power, "power ≤ 0", v => !FeatureValidity.IsPossible(Feature.Power, v)),
        (Feature.Miles, "negative miles", v => !FeatureValidity.IsPossible(Feature.Miles, v)),
    ];

    /// <summary>Per feature with a rule, the count of impossible values; and the rows with any.</summary>
    public static (IReadOnlyDictionary<string, int> PerFeature, int Rows) Count(InsuranceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var perFeature = Rules.ToDictionary(r => r.Feature.Name, _ => 0);
        var rows = 0;
        foreach (var record in data.Records)
        {
            var any = false;
            foreach (var (feature, _, isImpossible) in Rules)
            {
                if (isImpossible(feature.ValueOf(record.Features)))
                {
                    perFeature[feature.Name]++;
                    any = true;
                }
            }

            rows += any ? 1 : 0;
        }

        return (perFeature, rows);
    }
}
