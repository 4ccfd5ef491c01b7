using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// The ranges a model card gives the service's fallback, resolved once at training: a numeric or binary
/// feature's fixed range from the problem file (<c>fallback.ranges</c>) when it declares one, else the
/// range of the training rows (missing values left out). The service needs nothing but the card.
/// </summary>
public static class FallbackRanges
{
    public static Dictionary<string, FeatureRange> Resolve(ProblemSchema problem, ProblemDataset data, IReadOnlyList<int> trainRows)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainRows);
        var ranges = new Dictionary<string, FeatureRange>(StringComparer.Ordinal);
        for (var f = 0; f < problem.Features.Count; f++)
        {
            var feature = problem.Features[f];
            if (feature.Kind == FeatureType.Categorical)
            {
                continue;
            }

            if (Fixed(problem, feature.Name) is { } range)
            {
                ranges[feature.Name] = range;
                continue;
            }

            var column = data.Feature(f);
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var row in trainRows)
            {
                var value = column[row];
                if (!double.IsNaN(value))
                {
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }
            }

            if (min <= max)
            {
                ranges[feature.Name] = new FeatureRange(min, max);
            }
        }

        return ranges;
    }

    /// <summary>The problem file's fixed range of <paramref name="feature"/> (name or alias, any case), or null.</summary>
    public static FeatureRange? Fixed(ProblemSchema problem, string feature)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var definition = problem.FindFeature(feature);
        return definition is null
            ? null
            : problem.Fallback?.Ranges?.FirstOrDefault(r => definition.Spellings.Contains(r.Key, StringComparer.OrdinalIgnoreCase)).Value;
    }
}
