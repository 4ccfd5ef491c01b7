using Mlops.Core.Training;

namespace Mlops.Core.Models;

/// <summary>
/// A trained model with its card: what <c>mlops train</c> writes and every later step loads
/// (see <see cref="ModelDirectory"/>). <see cref="Classifier"/> predicts for any problem (the card's
/// <see cref="ModelCard.ProblemOrInsurance"/>).
/// </summary>
public sealed class TrainedModel(IMlNetModel classifier, ModelCard card) : IDisposable
{
    /// <summary>The predictor over the problem's feature vector; thread-safe, share one instance.</summary>
    public IClassifier Classifier => Ml;

    public ModelCard Card { get; } = card;

    /// <summary>The ML.NET model, for <see cref="ModelDirectory.Save"/>.</summary>
    internal IMlNetModel Ml { get; } = classifier;

    public void Dispose() => Ml.Dispose();
}
