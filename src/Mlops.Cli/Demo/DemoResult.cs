using Mlops.Cli.Simulation;
using Mlops.Core.Models;
using Mlops.Core.Retraining;
using Mlops.Core.Validation;

namespace Mlops.Cli.Demo;

/// <summary>How the story ended.</summary>
public enum DemoEnding
{
    /// <summary>The candidate retrained on the labeled month misses an invariant: the talk's ending.</summary>
    BackToPhaseI,

    /// <summary>The candidate met every invariant and the gate promoted it (other data than the talk's).</summary>
    CandidatePromoted,

    /// <summary>Production still met every invariant on the labeled month: nothing to retrain (other data than the talk's).</summary>
    ProductionStillValid,

    Interrupted,

    Failed,
}

/// <summary>Everything <c>mlops demo --json</c> prints: each step's outcome and the evidence behind it.</summary>
public sealed class DemoResult
{
    public required string Workdir { get; init; }

    /// <summary>The demo's own registry (its <c>MLOPS_HOME</c>).</summary>
    public required string MlopsHome { get; init; }

    public required int Months { get; init; }

    public required int LabelDelay { get; init; }

    /// <summary>The month whose ground truth has arrived by the end of the simulation.</summary>
    public required int LabeledMonth { get; init; }

    public string? Data { get; set; }

    public bool DataGenerated { get; set; }

    public IReadOnlyList<DemoStep> Steps { get; set; } = [];

    public DemoEnding Ending { get; set; } = DemoEnding.Failed;

    /// <summary>What went wrong, when a step failed.</summary>
    public string? Error { get; set; }

    public double Seconds { get; set; }

    /// <summary>The first model, as trained on the reference.</summary>
    public ModelCard? Model { get; set; }

    public string? ProductionVersion { get; set; }

    public ValidationReport? Validation { get; set; }

    /// <summary>The started processes: name, pid, URL.</summary>
    public IReadOnlyList<DemoProcess> Processes { get; set; } = [];

    /// <summary>Whether they still run (with <c>--keep-running</c>).</summary>
    public bool KeptRunning { get; set; }

    public IReadOnlyList<MonthResult> Simulation { get; set; } = [];

    public DriftFindings? Drift { get; set; }

    /// <summary>The accuracy estimate without labels for the last simulated month.</summary>
    public double? EstimatedAccuracy { get; set; }

    /// <summary>Production validated on the labeled month.</summary>
    public ValidationReport? GroundTruth { get; set; }

    /// <summary>The labeled month read from the production record: realised (service and model alone) and estimated accuracy.</summary>
    public RecordFigures? Record { get; set; }

    /// <summary>The candidate retrained on the labeled month alone.</summary>
    public RetrainingResult? Retraining { get; set; }

    /// <summary>The candidate retrained on reference + the labeled month.</summary>
    public RetrainingResult? MoreData { get; set; }

    public string? Report { get; set; }
}

/// <summary>A process the demo started.</summary>
public sealed record DemoProcess(string Name, int Pid, string Url, string Log);
