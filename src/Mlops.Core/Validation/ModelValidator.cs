using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Training;

namespace Mlops.Core.Validation;

/// <summary>
/// The quality gate: evaluates a trained model — as it is, never retrained — on labeled data and
/// checks the talk's invariants. The data is split exactly as training splits it (the card's seed
/// and test fraction), so on the training file "train" and "test" are the rows the model learned
/// from and the rows it never saw; on a new month they are two parts of that month.
/// </summary>
public static class ModelValidator
{
    /// <summary>Reads a labeled data file and validates the model on it.</summary>
    public static ValidationReport ValidateFile(TrainedModel model, string dataFile, InvariantSpec spec, string? modelName = null)
    {
        ArgumentNullException.ThrowIfNull(dataFile);
        var data = InsuranceCsvReader.ReadFile(dataFile, requireLabels: true);
        return Validate(model, data, ContentHash.OfFile(dataFile), spec, modelName);
    }

    public static ValidationReport Validate(TrainedModel model, InsuranceDataset data, string dataSha256, InvariantSpec spec, string? modelName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataSha256);
        ArgumentNullException.ThrowIfNull(spec);
        if (!data.IsLabeled)
        {
            throw new DataFormatException(data.Name, null, InsuranceCsvFormat.GroupColumn, "validation needs a label on every row");
        }

        var labels = data.Labels();
        var split = StratifiedSplit.Create(labels, model.Card.Seed, model.Card.TestFraction, data.Name);
        var features = data.Records.Select(r => r.Features).ToArray();
        var predictions = model.Model.PredictAll(features);
        IRiskModel rules = BaselineRiskModel.Instance;
        var baseline = rules.PredictAll(features);
        var accuracy = Summarize(predictions, labels, split);
        var counts = RiskGroups.All.ToDictionary(g => g.Name(), g => predictions.Count(p => p.Group == g));

        return new ValidationReport
        {
            DataFile = data.Name,
            DataSha256 = dataSha256,
            Checks = InvariantChecks.Evaluate(spec, accuracy, predictions),
            ValidatedAt = DateTimeOffset.UtcNow,
            SpecVersion = spec.Version,
            Model = modelName,
            ModelTrainer = model.Card.Trainer,
            ModelTrainingDataFile = model.Card.TrainingDataFile,
            ModelTrainingDataSha256 = model.Card.TrainingDataSha256,
            SameDataAsTraining = string.Equals(dataSha256, model.Card.TrainingDataSha256, StringComparison.OrdinalIgnoreCase),
            Rows = data.Count,
            Accuracy = accuracy,
            BaselineAccuracy = Summarize(baseline, labels, split),
            TrainedTestAccuracy = model.Card.TestAccuracy,
            PredictedClassCounts = counts,
        };
    }

    private static AccuracySummary Summarize(IReadOnlyList<RiskPrediction> predictions, IReadOnlyList<RiskGroup> labels, StratifiedSplit split) =>
        new(Models.Accuracy.Of(predictions, labels, split.Train), Models.Accuracy.Of(predictions, labels, split.Test), Models.Accuracy.Of(predictions, labels));
}
