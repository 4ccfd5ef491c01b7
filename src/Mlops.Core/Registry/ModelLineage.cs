namespace Mlops.Core.Registry;

/// <summary>
/// Everything the registry knows about where a version came from and what happened to it: its card
/// (trainer, parameters, metrics), the exact data it was trained on, every validation and every stage change.
/// </summary>
public sealed record ModelLineage(
    ModelVersion Model,
    TrainingDataLineage TrainingData,
    IReadOnlyList<ValidationRecord> Validations,
    IReadOnlyList<StageChange> History,
    GateVerdict Gate);
