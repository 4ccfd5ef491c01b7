using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

/// <summary>The talk's customers, still typed rows where these tests generate or read them, as the insurance problem's vector.</summary>
internal static class TalkCustomers
{
    public static double[] Vector(InsuranceFeatures f) =>
        InsuranceVectors.Customer(f.Training, f.Age, f.EmergencyBraking, f.BrakingDistance, f.Power, f.Miles);

    /// <summary>The class index of a risk group: the insurance file's classes are the risk groups' values in order (high, medium, low).</summary>
    public static int ClassIndex(RiskGroup group) => (int)group;
}
