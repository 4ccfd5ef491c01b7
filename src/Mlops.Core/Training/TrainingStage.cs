namespace Mlops.Core.Training;

/// <summary>The steps of training, reported as progress.</summary>
public enum TrainingStage
{
    ReadingData,
    Splitting,
    EngineeringFeatures,
    Fitting,
    Evaluating,
}
