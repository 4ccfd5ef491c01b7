namespace Mlops.Core.Drift;

/// <summary>Dataset-level settings of the drift computation.</summary>
public sealed record DriftOptions
{
    /// <summary>Evidently's default: the dataset drifted when at least half of the feature columns drifted.</summary>
    public const double DefaultDriftShare = 0.5;

    public double DriftShare { get; init; } = DefaultDriftShare;
}
