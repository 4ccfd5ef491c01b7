namespace Mlops.Core.Analysis;

/// <summary>One feature's drift against the reference, month by month (aligned with <see cref="ProductionAnalysis.Months"/>).</summary>
/// <param name="Feature">Column name.</param>
/// <param name="Test">The test Evidently's defaults chose (the one of the latest month).</param>
/// <param name="ScoreKind"><c>p_value</c> (drift below the threshold) or <c>distance</c> (drift at or above it).</param>
/// <param name="Threshold">The test's threshold.</param>
/// <param name="Scores">Drift score per month.</param>
/// <param name="Drifted">Verdict per month.</param>
/// <param name="FirstDriftedMonth">The first month that drifted; null when none did.</param>
/// <param name="DriftedMonths">How many months drifted.</param>
public sealed record FeatureDriftSeries(
    string Feature,
    string Test,
    string ScoreKind,
    double Threshold,
    IReadOnlyList<double> Scores,
    IReadOnlyList<bool> Drifted,
    int? FirstDriftedMonth,
    int DriftedMonths);
