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
    private IRiskModel? _riskModel;

    /// <summary>The predictor over the problem's feature vector; thread-safe, share one instance.</summary>
    public IClassifier Classifier => Ml;

    public ModelCard Card { get; } = card;

    /// <summary>True for a model of the talk's insurance problem, whose vector is the typed row (<see cref="Model"/>).</summary>
    public bool IsRiskModel => InsuranceVector.Fits(Ml.Problem);

    /// <summary>The insurance model on the typed row (<see cref="ClassifierRiskModel"/>); thread-safe, share one instance.</summary>
    /// <exception cref="InvalidOperationException">The model is of another problem: use <see cref="Classifier"/>.</exception>
    public IRiskModel Model => _riskModel ??= new ClassifierRiskModel(Ml);

    /// <summary>The ML.NET model, for <see cref="ModelDirectory.Save"/>.</summary>
    internal IMlNetModel Ml { get; } = classifier;

    public void Dispose() => Ml.Dispose();
}
