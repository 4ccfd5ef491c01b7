using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Estimation;

/// <summary>
/// Out-of-fold predictions for every row of a labeled dataset of any problem: the rows are cut into
/// stratified folds, and each fold is predicted by a model trained the same way on the other folds
/// (scikit-learn's <c>cross_val_predict</c>, as <c>CalibratedClassifierCV(ensemble=False)</c> calibrates
/// with it). With five folds of 1,500 reference rows each fold model learns from 1,200 rows, as the
/// deployed model did, so its probabilities behave like the deployed model's — and all 1,500 rows can
/// calibrate the performance estimate instead of the 300 of one test split.
/// </summary>
public static class CrossFittedPredictions
{
    public const int DefaultFolds = 5;

    /// <param name="data">The labeled rows.</param>
    /// <param name="fit">Trains a fold model on the given rows of <paramref name="data"/> (see <see cref="FoldTrainer"/>).</param>
    /// <param name="seed">Seeds the folds.</param>
    /// <param name="folds">How many folds.</param>
    public static ClassPrediction[] Of(ProblemDataset data, Func<IReadOnlyList<int>, IClassifier> fit, int seed, int folds = DefaultFolds)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var labels = data.Labels.ToArray();
        var fold = Folds(labels, data.Schema.Label.Classes.Count, folds, seed);
        var predictions = new ClassPrediction[data.RowCount];
        var vector = new double[data.Schema.Features.Count];
        for (var k = 0; k < folds; k++)
        {
            int[] train = [.. Enumerable.Range(0, data.RowCount).Where(i => fold[i] != k)];
            var model = fit(train);
            try
            {
                for (var i = 0; i < data.RowCount; i++)
                {
                    if (fold[i] == k)
                    {
                        data.CopyRow(i, vector);
                        predictions[i] = model.Predict(vector);
                    }
                }
            }
            finally
            {
                (model as IDisposable)?.Dispose();
            }
        }

        return predictions;
    }

    /// <summary>Per row its fold: each class's rows (in class order) shuffled with the seed and dealt round-robin.</summary>
    private static int[] Folds(int[] labels, int classCount, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labels.Length];
        for (var c = 0; c < classCount; c++)
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            random.Shuffle(rows);
            for (var j = 0; j < rows.Length; j++)
            {
                fold[rows[j]] = j % folds;
            }
        }

        return fold;
    }
}
