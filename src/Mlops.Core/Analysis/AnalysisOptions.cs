using Mlops.Core.Models;

namespace Mlops.Core.Analysis;

/// <summary>What an analysis looks at and when.</summary>
public sealed record AnalysisOptions
{
    public GroundTruthSchedule GroundTruth { get; init; } = GroundTruthSchedule.Default;

    /// <summary>The simulated "now": months after it are left out, labels only as far as they have arrived. Default: the last month given.</summary>
    public int? AtMonth { get; init; }

    /// <summary>The month whose histograms are drawn against the reference. Default: the last month analysed.</summary>
    public int? HistogramMonth { get; init; }

    /// <summary>Bins of each numerical histogram.</summary>
    public int HistogramBins { get; init; } = 30;

    /// <summary>The fallback decision whose share of requests the data-quality part counts.</summary>
    public FallbackRule Fallback { get; init; } = FallbackRule.Default;

    /// <summary>Seeds the calibration check of the performance estimate.</summary>
    public int Seed { get; init; } = 42;
}
