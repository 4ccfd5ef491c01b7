using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Models;

/// <summary>
/// The talk's rule model: what an underwriter would write down without machine learning. It is the
/// yardstick the ML model must beat and the service's fallback when the model should not answer
/// (input outside the training ranges, low certainty). The rules are data, the <c>fallback</c> of
/// <c>config/insurance.problem.json</c>, run by <see cref="RuleModel"/>. Stateless, so safe to share between threads.
/// </summary>
public sealed class BaselineRiskModel : IRiskModel, IClassifier
{
    private static readonly RuleModel Rules = RuleModel.For(ProblemSchema.Insurance);

    /// <summary>One shared instance is enough: the rules hold no state.</summary>
    public static BaselineRiskModel Instance { get; } = new();

    public string Name => Rules.Name;

    public ProblemSchema Problem => Rules.Problem;

    public RiskPrediction Predict(InsuranceFeatures features) => RiskPrediction.Certain(Classify(features));

    /// <summary>The rules on the insurance problem's feature vector.</summary>
    public ClassPrediction Predict(ReadOnlySpan<double> features) => Rules.Predict(features);

    /// <summary>The rules, first match wins, in the order of the talk.</summary>
    public static RiskGroup Classify(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Span<double> vector = stackalloc double[InsuranceVector.Length];
        InsuranceVector.Write(features, vector);
        return InsuranceVector.Group(Rules.Classify(vector));
    }
}
