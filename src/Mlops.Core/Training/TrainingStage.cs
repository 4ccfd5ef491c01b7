namespace Mlops.Core.Training;

/// <summary>The steps of training, reported as progress.</summary>
public enum TrainingStage
{
    ReadingData,
    Splitting,
    EngineeringFeatures,
    Fitting,
    Evaluating,

    /// <summary>Writing the model folder (<see cref="Lifecycle.ModelLifecycle.Train"/>).</summary>
    Saving,
}
