using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
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
    /// <summary>Reads a labeled data file through the problem the model's card embeds (<see cref="ProblemCsvReader"/>) and validates the model on it.</summary>
    public static ValidationReport ValidateFile(TrainedModel model, string dataFile, InvariantSpec spec, string? modelName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataFile);
        var data = ProblemCsvReader.ReadFile(dataFile, model.Card.ProblemOrInsurance, requireLabels: true);
        return Validate(model, data, ContentHash.OfFile(dataFile), spec, modelName);
    }

    /// <summary>
    /// Validates a model of any problem on its labeled data: the model through its <see cref="IClassifier"/>,
    /// the baseline the problem's rules (or, without rules, the card's most frequent class); reports name
    /// classes by their display names. The talk's insurance model is one such problem: its verdicts and
    /// bounds are the ones its typed path gave (the same rules, split and counts).
    /// </summary>
    public static ValidationReport Validate(TrainedModel model, ProblemDataset data, string dataSha256, InvariantSpec spec, string? modelName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataSha256);
        ArgumentNullException.ThrowIfNull(spec);
        var problem = data.Schema;
        if (!data.IsLabeled)
        {
            throw new InvalidInputException($"{data.Name}: validation needs the label column '{problem.Label.Column}' on every row");
        }

        var classes = problem.Label.Classes;
        var labels = data.Labels.ToArray();
        var split = StratifiedSplit.Create(labels, classes.Count, model.Card.Seed, model.Card.TestFraction, data.Name);
        var predictions = ProblemModelTrainer.PredictAll(model.Classifier, data);
        var baseline = ProblemModelTrainer.PredictAll(Baseline(model.Card), data);
        var shares = Enumerable.Range(0, classes.Count).Select(c => labels.Count(l => l == c) / (double)labels.Length).ToArray();
        var accuracy = Summarize(predictions, labels, split);
        return new ValidationReport
        {
            DataFile = data.Name,
            DataSha256 = dataSha256,
            Checks = InvariantChecks.Evaluate(spec, accuracy, predictions, problem, shares),
            ValidatedAt = DateTimeOffset.UtcNow,
            SpecVersion = spec.Version,
            Model = modelName,
            ModelTrainer = model.Card.Trainer,
            ModelTrainingDataFile = model.Card.TrainingDataFile,
            ModelTrainingDataSha256 = model.Card.TrainingDataSha256,
            SameDataAsTraining = string.Equals(dataSha256, model.Card.TrainingDataSha256, StringComparison.OrdinalIgnoreCase),
            Rows = data.RowCount,
            Accuracy = accuracy,
            BaselineAccuracy = Summarize(baseline, labels, split),
            TrainedTestAccuracy = model.Card.TestAccuracy,
            PredictedClassCounts = Enumerable.Range(0, classes.Count).ToDictionary(c => classes[c].Name, c => predictions.Count(p => p.Class == c)),
        };
    }

    /// <summary>The fallback of the card's problem: its rules, else the training data's most frequent class.</summary>
    public static RuleModel Baseline(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problem = card.ProblemOrInsurance;
        var mostFrequent = card.MostFrequentClass is { } name
            ? problem.Label.Classes.ToList().FindIndex(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : -1;
        return RuleModel.For(problem, mostFrequent >= 0 ? mostFrequent : problem.Fallback?.Otherwise is null ? 0 : null);
    }

    private static AccuracySummary Summarize(IReadOnlyList<ClassPrediction> predictions, int[] labels, StratifiedSplit split) =>
        new(Models.Accuracy.Of(predictions, labels, split.Train), Models.Accuracy.Of(predictions, labels, split.Test), Models.Accuracy.Of(predictions, labels, Enumerable.Range(0, labels.Length)));
}
