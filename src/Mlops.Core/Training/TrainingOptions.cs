namespace Mlops.Core.Training;

/// <summary>
/// How to train. The defaults are the settings that meet the talk's invariants on the seed's
/// reference data honestly; <see cref="RiskTrainers"/> explains each choice.
/// </summary>
public sealed record TrainingOptions
{
    public TrainerKind Trainer { get; init; } = TrainerKind.MaximumEntropy;

    /// <summary>Seeds the split and the trainer: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The inputs the model may use; all six by default (see <see cref="FeatureSelection"/>).</summary>
    public FeatureSelection Features { get; init; } = FeatureSelection.All;

    /// <summary>Share of each class held out for the test accuracy.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Maximum entropy: L2 penalty on the weights of the (standardised) features.</summary>
    public float L2Regularization { get; init; } = 0.1f;

    /// <summary>LightGBM: leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 4;

    /// <summary>LightGBM: boosting rounds.</summary>
    public int NumberOfIterations { get; init; } = 200;

    /// <summary>LightGBM: the fewest training rows a leaf may hold.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>LightGBM: shrinkage per round.</summary>
    public double LearningRate { get; init; } = 0.1;
}
