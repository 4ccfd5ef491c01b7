namespace Mlops.Core.Analysis;

/// <summary>
/// The analysis the talk's closing act asks for: drift is obvious, but is it a problem? Everything
/// here is a number computed from the data; the report renders it, <c>--json</c> prints it.
/// </summary>
public sealed record ProductionAnalysis
{
    public required string Reference { get; init; }

    public required int ReferenceRows { get; init; }

    /// <summary>The production months analysed, ascending; per-month lists are aligned with it.</summary>
    public required IReadOnlyList<int> Months { get; init; }

    /// <summary>The simulated "now".</summary>
    public required int AtMonth { get; init; }

    public required int LabelDelayMonths { get; init; }

    /// <summary>Months whose labels are known at <see cref="AtMonth"/> and present in their files.</summary>
    public required IReadOnlyList<int> LabeledMonths { get; init; }

    /// <summary>The month the histograms compare with the reference.</summary>
    public required int HistogramMonth { get; init; }

    /// <summary>The model analysed; null when none was given (prediction parts are skipped).</summary>
    public string? Model { get; init; }

    public required IReadOnlyList<FeatureDriftSeries> Drift { get; init; }

    public required IReadOnlyList<MonthDrift> DatasetDrift { get; init; }

    public required IReadOnlyList<FeatureTrend> Trends { get; init; }

    public required IReadOnlyList<FeatureHistogram> Histograms { get; init; }

    /// <summary>Reference (month 0) first, then every month; empty without a model.</summary>
    public required IReadOnlyList<MonthPredictions> Predictions { get; init; }

    /// <summary>Per month: realised accuracy (once labels arrived) and the estimate; empty without a model.</summary>
    public required IReadOnlyList<MonthPerformance> Performance { get; init; }

    public EstimationSummary? Estimation { get; init; }

    public required IReadOnlyList<MonthQuality> Quality { get; init; }

    public required IReadOnlyList<Observation> Observations { get; init; }

    /// <summary>What the analysis could not do, and why.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
