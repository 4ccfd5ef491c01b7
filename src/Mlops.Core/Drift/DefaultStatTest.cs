using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>
/// Evidently's default choice of test for a column (<c>_get_default_stattest</c>), so that our verdicts
/// match what users of the seed saw. It depends on the reference's size and on the number of different
/// values in reference and current together.
/// </summary>
public static class DefaultStatTest
{
    /// <summary>Up to this many reference rows Evidently uses hypothesis tests, above it distances.</summary>
    public const int MaxRowsForHypothesisTests = 1000;

    /// <summary>Numerical columns with at most this many different values are treated like categories.</summary>
    public const int MaxValuesForCategoricalTests = 5;

    /// <summary>Counting distinct values beyond this changes no choice.</summary>
    public const int DistinctValuesNeeded = MaxValuesForCategoricalTests + 1;

    public static StatTest Choose(int referenceRows, int distinctValues, FeatureKind kind)
    {
        var fewValues = distinctValues <= MaxValuesForCategoricalTests;
        if (referenceRows <= MaxRowsForHypothesisTests)
        {
            if (kind == FeatureKind.Numerical && !fewValues)
            {
                return StatTests.KolmogorovSmirnov;
            }

            return distinctValues > 2 ? StatTests.ChiSquare : StatTests.ZTest;
        }

        return kind == FeatureKind.Numerical && !fewValues ? StatTests.Wasserstein : StatTests.JensenShannon;
    }

    public static StatTest Choose(SortedSample reference, SortedSample current, FeatureKind kind)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Choose(reference.Count, SortedSample.CombinedDistinctCount(reference, current, DistinctValuesNeeded), kind);
    }
}
