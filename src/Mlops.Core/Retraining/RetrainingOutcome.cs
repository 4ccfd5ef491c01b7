namespace Mlops.Core.Retraining;

/// <summary>Where the retraining loop ended.</summary>
public enum RetrainingOutcome
{
    /// <summary>The production model still meets every invariant on the new data: nothing to do.</summary>
    ProductionStillValid,

    /// <summary>A candidate was trained and meets every invariant (not promoted: not asked to).</summary>
    CandidateValid,

    /// <summary>A candidate was trained, met every invariant and the registry's gate made it the production model.</summary>
    CandidatePromoted,

    /// <summary>The candidate misses an invariant: production stays as it is — back to phase I.</summary>
    CandidateFailed,
}
