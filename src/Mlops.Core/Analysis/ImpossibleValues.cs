using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Analysis;

/// <summary>
/// Values no row can have, whatever the model: a value outside its feature's validity bounds in the
/// problem file (for the talk's problem: a negative distance driven per year, a non-positive age,
/// braking distance or engine power). The generator's miles fall by a thousand a month, so late
/// months hold negative miles — a data-quality problem a drift test alone does not name.
/// </summary>
public static class ImpossibleValues
{
    /// <summary>One rule per feature with validity bounds: the feature's name and the impossible values in words (<c>miles &lt; 0</c>).</summary>
    public sealed record Rule(FeatureDefinition Feature, string Description)
    {
        public bool IsImpossible(double value) => !double.IsNaN(value) && !Feature.IsPossible(value);
    }

    /// <summary>The talk's problem's rules, from <c>config/insurance.problem.json</c>.</summary>
    public static IReadOnlyList<Rule> Insurance { get; } = For(ProblemSchema.Insurance);

    /// <summary>The problem's rules, in its feature order; missing values are never impossible.</summary>
    public static IReadOnlyList<Rule> For(ProblemSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return [.. schema.Features.Where(f => f.Valid is not null).Select(f => new Rule(f, f.Valid!.DescribeOutside(f.Name)))];
    }

    /// <summary>Per feature with a rule, the count of impossible values; and the rows with any.</summary>
    public static (IReadOnlyDictionary<string, int> PerFeature, int Rows) Count(InsuranceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = Insurance.Select(r => data.Column(Feature.Find(r.Feature.Name)
            ?? throw new InvalidOperationException($"config/insurance.problem.json names feature '{r.Feature.Name}', which the insurance data does not have"))).ToArray();
        return Count(Insurance, columns, data.Count);
    }

    /// <summary>The same for any problem's data.</summary>
    public static (IReadOnlyDictionary<string, int> PerFeature, int Rows) Count(ProblemDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rules = For(data.Schema);
        return Count(rules, [.. rules.Select(r => data.Feature(r.Feature.Name).ToArray())], data.RowCount);
    }

    private static (IReadOnlyDictionary<string, int> PerFeature, int Rows) Count(IReadOnlyList<Rule> rules, double[][] columns, int rowCount)
    {
        var perFeature = new int[rules.Count];
        var rows = 0;
        for (var row = 0; row < rowCount; row++)
        {
            var any = false;
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].IsImpossible(columns[r][row]))
                {
                    perFeature[r]++;
                    any = true;
                }
            }

            rows += any ? 1 : 0;
        }

        return (rules.Select((r, i) => (r.Feature.Name, Count: perFeature[i])).ToDictionary(p => p.Name, p => p.Count), rows);
    }
}
