using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>
/// An insurance classifier on the talk's typed row (<see cref="IRiskModel"/>), through
/// <see cref="InsuranceVector"/>: the view the analysis and the estimate still read until they move onto
/// <see cref="IClassifier"/>. The model itself is the one trainer's, driven by the problem file.
/// </summary>
public sealed class ClassifierRiskModel : IRiskModel
{
    private readonly IClassifier _classifier;

    /// <exception cref="InvalidOperationException">The classifier is not of the insurance problem's features.</exception>
    public ClassifierRiskModel(IClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (!InsuranceVector.Fits(classifier.Problem))
        {
            throw new InvalidOperationException($"the model is for problem '{classifier.Problem.Name}', not the insurance rows: use its classifier");
        }

        _classifier = classifier;
    }

    public string Name => _classifier.Name;

    public RiskPrediction Predict(InsuranceFeatures features)
    {
        Span<double> vector = stackalloc double[InsuranceVector.Length];
        InsuranceVector.Write(features, vector);
        return InsuranceVector.ToRiskPrediction(_classifier.Predict(vector));
    }
}
