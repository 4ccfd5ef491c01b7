using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Training;

namespace Mlops.Core.Estimation;

/// <summary>
/// Out-of-fold predictions for every row of a labeled dataset: the rows are cut into stratified folds,
/// and each fold is predicted by a model trained the same way on the other folds (scikit-learn's
/// <c>cross_val_predict</c>, as <c>CalibratedClassifierCV(ensemble=False)</c> calibrates with it).
/// With five folds of 1,500 reference rows each fold model learns from 1,200 rows, as the deployed
/// model did, so its probabilities behave like the deployed model's — and all 1,500 rows can
/// calibrate the performance estimate instead of the 300 of one test split.
/// </summary>
public static class CrossFittedPredictions
{
    public const int DefaultFolds = 5;

    public static RiskPrediction[] Of(InsuranceDataset data, TrainingOptions options, int folds = DefaultFolds)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var labels = data.Labels();
        var fold = Folds(labels, folds, options.Seed);
        var predictions = new RiskPrediction[data.Count];
        var problemData = InsuranceVector.Dataset(data);
        var vector = new double[InsuranceVector.Length];
        for (var k = 0; k < folds; k++)
        {
            int[] train = [.. Enumerable.Range(0, data.Count).Where(i => fold[i] != k)];
            int[] test = [.. Enumerable.Range(0, data.Count).Where(i => fold[i] == k)];
            using var model = ProblemModelTrainer.Fit(problemData, train, options);
            foreach (var i in test)
            {
                problemData.CopyRow(i, vector);
                predictions[i] = InsuranceVector.ToRiskPrediction(model.Predict(vector));
            }
        }

        return predictions;
    }

    /// <summary>Per row its fold: each class's rows shuffled with the seed and dealt round-robin.</summary>
    private static int[] Folds(RiskGroup[] labels, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labels.Length];
        foreach (var group in RiskGroups.All)
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == group).ToArray();
            random.Shuffle(rows);
            for (var j = 0; j < rows.Length; j++)
            {
                fold[rows[j]] = j % folds;
            }
        }

        return fold;
    }
}
