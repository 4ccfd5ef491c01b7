namespace Mlops.Core.Analysis;

/// <summary>
/// One feature's distribution in the reference and in one month, on common bins: equal-width bins over
/// both samples for a numerical feature, one bar per value (0, 1) for a categorical one.
/// </summary>
/// <param name="Feature">Column name.</param>
/// <param name="Month">The month compared with the reference.</param>
/// <param name="Kind"><c>numerical</c> or <c>categorical</c>.</param>
/// <param name="Edges">Bin edges (numerical; one more than shares) or the category values (categorical).</param>
/// <param name="ReferenceShares">Share of reference rows per bin.</param>
/// <param name="CurrentShares">Share of the month's rows per bin.</param>
/// <param name="Test">The drift test of that month.</param>
/// <param name="Score">Its score.</param>
/// <param name="Drifted">Its verdict.</param>
public sealed record FeatureHistogram(
    string Feature,
    int Month,
    string Kind,
    IReadOnlyList<double> Edges,
    IReadOnlyList<double> ReferenceShares,
    IReadOnlyList<double> CurrentShares,
    string Test,
    double Score,
    bool Drifted);
