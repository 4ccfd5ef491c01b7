using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Models;

/// <summary>
/// The talk's rule model: what an underwriter would write down without machine learning. It is the
/// yardstick the ML model must beat and the service's fallback when the model should not answer
/// (input outside the training ranges, low certainty). The rules are data, the <c>fallback</c> of
/// <c>config/insurance.problem.json</c>, run by <see cref="RuleModel"/>. Stateless, so safe to share between threads.
/// </summary>
public sealed class BaselineRiskModel : IRiskModel
{
    private static readonly RuleModel Rules = RuleModel.For(ProblemSchema.Insurance);

    /// <summary>The insurance features in the problem file's order, the order of the rules' feature vector.</summary>
    private static readonly Feature[] VectorOrder = [.. ProblemSchema.Insurance.Features.Select(f => Feature.Find(f.Name)
        ?? throw new InvalidOperationException($"config/insurance.problem.json names feature '{f.Name}', which the insurance data does not have"))];

    /// <summary>The group of each class of the problem file, by class index (the file's value is the seed's label).</summary>
    private static readonly RiskGroup[] ClassGroups = [.. ProblemSchema.Insurance.Label.Classes.Select(c =>
        int.TryParse(c.Value.Text, System.Globalization.CultureInfo.InvariantCulture, out var label) && RiskGroups.TryFromLabel(label, out var group)
            ? group
            : throw new InvalidOperationException($"config/insurance.problem.json has class value '{c.Value}', which is not a risk group"))];

    /// <summary>One shared instance is enough: the rules hold no state.</summary>
    public static BaselineRiskModel Instance { get; } = new();

    public string Name => "baseline";

    public RiskPrediction Predict(InsuranceFeatures features) => RiskPrediction.Certain(Classify(features));

    /// <summary>The rules, first match wins, in the order of the talk.</summary>
    public static RiskGroup Classify(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Span<double> vector = stackalloc double[VectorOrder.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = VectorOrder[i].ValueOf(features);
        }

        return ClassGroups[Rules.Classify(vector)];
    }
}
