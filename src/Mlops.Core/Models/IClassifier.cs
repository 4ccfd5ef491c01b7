using Mlops.Core.Problems;

namespace Mlops.Core.Models;

/// <summary>
/// Anything that predicts a class of a problem from one row of its features: a trained model of any
/// problem, or a problem's fallback rules. The service, validation and analysis call this, so they need
/// no knowledge of a problem's features. Implementations are safe to call from many threads at once.
/// </summary>
public interface IClassifier
{
    /// <summary>A short name for logs and reports, e.g. "baseline" or "lightgbm".</summary>
    string Name { get; }

    /// <summary>The problem whose features this classifier reads and whose classes it predicts.</summary>
    ProblemSchema Problem { get; }

    /// <summary>
    /// Predicts one row. <paramref name="features"/> holds one value per feature of <see cref="Problem"/>,
    /// in its order: numbers as they are, binary as 0/1, categorical as the index of the category in the
    /// schema, a missing value as NaN — the vector <see cref="ProblemDataset.CopyRow"/> writes.
    /// </summary>
    ClassPrediction Predict(ReadOnlySpan<double> features);
}

/// <summary>What a classifier answers for one row: the class and the probability of each class.</summary>
/// <param name="Class">Index of the predicted class (the most probable one) into the problem's classes.</param>
/// <param name="Probabilities">Probability per class, indexed as the problem's classes; sums to 1.</param>
public sealed record ClassPrediction(int Class, IReadOnlyList<double> Probabilities)
{
    /// <summary>The probability of the predicted class: how sure the model is.</summary>
    public double Certainty => Probabilities[Class];

    /// <summary>A prediction that puts all probability on one class, as rule models do.</summary>
    public static ClassPrediction Certain(int @class, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(@class);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(@class, classCount);
        var probabilities = new double[classCount];
        probabilities[@class] = 1.0;
        return new ClassPrediction(@class, probabilities);
    }

    /// <summary>The prediction for a probability vector: the class with the highest probability (the first on a tie).</summary>
    public static ClassPrediction FromProbabilities(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var best = 0;
        for (var i = 1; i < probabilities.Count; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new ClassPrediction(best, probabilities);
    }
}
