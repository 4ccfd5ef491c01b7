using Mlops.Core.Training;

namespace Mlops.Core.Models;

/// <summary>
/// A trained model with its card: what <c>mlops train</c> writes and every later step loads
/// (see <see cref="ModelDirectory"/>). <see cref="Classifier"/> predicts for any problem (the card's
/// <see cref="ModelCard.ProblemOrInsurance"/>); <see cref="Model"/> is the typed insurance view the
/// talk's code paths still use.
/// </summary>
public sealed class TrainedModel(IMlNetModel classifier, ModelCard card) : IDisposable
{
    /// <summary>The predictor over the problem's feature vector; thread-safe, share one instance.</summary>
    public IClassifier Classifier => Ml;

    public ModelCard Card { get; } = card;

    /// <summary>True for a model of the talk's insurance problem read from its typed rows (<see cref="Model"/>).</summary>
    public bool IsRiskModel => Ml is IRiskModel;

    /// <summary>The insurance model on the typed row; thread-safe, share one instance.</summary>
    /// <exception cref="InvalidOperationException">The model is of another problem: use <see cref="Classifier"/>.</exception>
    public IRiskModel Model => Ml as IRiskModel
        ?? throw new InvalidOperationException($"the model is for problem '{Card.ProblemOrInsurance.Name}', not the insurance rows: use its classifier");

    /// <summary>The ML.NET model, for <see cref="ModelDirectory.Save"/>.</summary>
    internal IMlNetModel Ml { get; } = classifier;

    public void Dispose() => Ml.Dispose();
}
