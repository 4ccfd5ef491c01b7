namespace Mlops.Testing;

/// <summary>
/// A customer of the talk's problem as that problem's feature vector — the order of
/// <c>config/insurance.problem.json</c> (<see cref="FeatureNames"/>), flags as 0/1 — and a certain answer's
/// probabilities by class index (high, medium, low): what a test writes into a prediction log or hands to
/// the forwarder, the same vector the service records, without the typed insurance row.
/// </summary>
public static class InsuranceVectors
{
    /// <summary>The insurance problem's features in the vector's order (a test keeps it equal to the problem file).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["training", "age", "emergency_braking", "braking_distance", "power", "miles"];

    /// <summary>The insurance problem's class names by class index.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["high", "medium", "low"];

    public static double[] Customer(bool training, double age, bool emergencyBraking, double brakingDistance, double power, double miles) =>
        [training ? 1 : 0, age, emergencyBraking ? 1 : 0, brakingDistance, power, miles];

    /// <summary>All probability on the class at <paramref name="classIndex"/>, as a rule model answers.</summary>
    public static double[] Certain(int classIndex)
    {
        var probabilities = new double[ClassNames.Count];
        probabilities[classIndex] = 1.0;
        return probabilities;
    }
}
