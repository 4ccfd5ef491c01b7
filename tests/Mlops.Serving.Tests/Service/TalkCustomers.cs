using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// The talk's customers, still typed rows in these tests, as the insurance problem's vector, and the talk's
/// rule model (the <c>fallback</c> rules of <c>config/insurance.problem.json</c>) that the service falls back to.
/// </summary>
internal static class TalkCustomers
{
    private static readonly RuleModel Rules = RuleModel.For(ProblemSchema.Insurance);

    public static double[] Vector(InsuranceFeatures f) =>
        InsuranceVectors.Customer(f.Training, f.Age, f.EmergencyBraking, f.BrakingDistance, f.Power, f.Miles);

    /// <summary>The rules' answer; the insurance file's class indices are the risk groups' values (high, medium, low).</summary>
    public static RiskGroup Baseline(InsuranceFeatures f) => (RiskGroup)Rules.Classify(Vector(f));
}
