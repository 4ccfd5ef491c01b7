namespace Mlops.Core.Analysis;

/// <summary>
/// How one feature's mean moved: the reference mean, each month's mean (for a 0/1 feature, the share
/// of 1s) and the least-squares slope per month over the production months.
/// </summary>
public sealed record FeatureTrend(
    string Feature,
    string Kind,
    double ReferenceMean,
    IReadOnlyList<double> MonthlyMeans,
    double SlopePerMonth,
    double SlopeStandardError,
    int FirstMonth,
    double FirstMean,
    int LastMonth,
    double LastMean);
