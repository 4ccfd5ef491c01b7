namespace Mlops.Core.Data;

/// <summary>The six inputs the risk model sees for one customer.</summary>
/// <param name="Training">The driver took a safety training.</param>
/// <param name="Age">Age in years.</param>
/// <param name="EmergencyBraking">The car has an emergency-braking assistant.</param>
/// <param name="BrakingDistance">Braking distance in metres.</param>
/// <param name="Power">Engine power in kW.</param>
/// <param name="Miles">Thousand miles driven per year.</param>
public sealed record InsuranceFeatures(
    bool Training,
    double Age,
    bool EmergencyBraking,
    double BrakingDistance,
    double Power,
    double Miles)
{
    /// <summary>
    /// The value of the problem file's feature number <paramref name="index"/> (flags as 0/1): the
    /// parameters above are in <c>config/insurance.problem.json</c>'s order, which a test keeps equal.
    /// </summary>
    public double Value(int index) => index switch
    {
        0 => Training ? 1 : 0,
        1 => Age,
        2 => EmergencyBraking ? 1 : 0,
        3 => BrakingDistance,
        4 => Power,
        5 => Miles,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "the insurance rows have six features"),
    };
}
