using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Validation;

namespace Mlops.Core.Retraining;

/// <summary>What the retraining loop did, with the evidence for each step.</summary>
public sealed record RetrainingResult
{
    public required RetrainingOutcome Outcome { get; init; }

    /// <summary>The production version that was checked.</summary>
    public required string ProductionVersion { get; init; }

    /// <summary>The production model's validation on the new data.</summary>
    public required ValidationReport ProductionValidation { get; init; }

    /// <summary>The data the candidate was trained on (the new file, or reference + new); null when none was trained.</summary>
    public string? TrainingDataFile { get; init; }

    public int? TrainingRows { get; init; }

    /// <summary>The candidate's folder and card; null when none was trained.</summary>
    public string? CandidateFolder { get; init; }

    public ModelCard? CandidateCard { get; init; }

    /// <summary>The candidate's validation on its training file (its own held-out split).</summary>
    public ValidationReport? CandidateValidation { get; init; }

    /// <summary>The candidate's registry version, when registered.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The registry's answer to the promotion, when one was asked for.</summary>
    public PromotionResult? Promotion { get; init; }

    /// <summary>The production version after the loop (changed only by a promotion).</summary>
    public required string ProductionVersionAfter { get; init; }

    /// <summary>The invariants the candidate missed: what sends the team back to phase I.</summary>
    public IReadOnlyList<InvariantCheck> FailedChecks => CandidateValidation?.Failed.ToList() ?? [];
}
