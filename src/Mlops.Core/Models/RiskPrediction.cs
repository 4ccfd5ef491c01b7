using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>What a risk model answers for one customer: the class and the probability of each class.</summary>
/// <param name="Group">The predicted class (the most probable one).</param>
/// <param name="Probabilities">Probability per class, indexed by <see cref="RiskGroup"/> value (high, medium, low); sums to 1.</param>
public sealed record RiskPrediction(RiskGroup Group, IReadOnlyList<double> Probabilities)
{
    /// <summary>The probability of the predicted class: how sure the model is.</summary>
    public double Certainty => Probabilities[(int)Group];

    /// <summary>A prediction that puts all probability on one class, as rule models do.</summary>
    public static RiskPrediction Certain(RiskGroup group)
    {
        var probabilities = new double[RiskGroups.Count];
        probabilities[(int)group] = 1.0;
        return new RiskPrediction(group, probabilities);
    }

    /// <summary>The prediction for a probability vector: the class with the highest probability.</summary>
    public static RiskPrediction FromProbabilities(IReadOnlyList<double> probabilities)
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

        return new RiskPrediction((RiskGroup)best, probabilities);
    }
}
