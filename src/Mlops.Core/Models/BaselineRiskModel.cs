using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>
/// The talk's rule model: what an underwriter would write down without machine learning. It is the
/// yardstick the ML model must beat and the service's fallback when the model should not answer
/// (input outside the training ranges, low certainty). Stateless, so safe to share between threads.
/// </summary>
public sealed class BaselineRiskModel : IRiskModel
{
    /// <summary>One shared instance is enough: the rules hold no state.</summary>
    public static BaselineRiskModel Instance { get; } = new();

    public string Name => "baseline";

    public RiskPrediction Predict(InsuranceFeatures features) => RiskPrediction.Certain(Classify(features));

    /// <summary>The rules, first match wins, in the order of the talk.</summary>
    public static RiskGroup Classify(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Training)
        {
            return RiskGroup.Low;
        }

        if (features.Age < 30)
        {
            return features.Power > 130 ? RiskGroup.High : RiskGroup.Medium;
        }

        if (features.Age > 50)
        {
            return RiskGroup.High;
        }

        if (features.EmergencyBraking)
        {
            return RiskGroup.Low;
        }

        return features.Miles switch
        {
            > 50 => RiskGroup.High,
            > 30 => RiskGroup.Medium,
            _ => RiskGroup.Low,
        };
    }
}
