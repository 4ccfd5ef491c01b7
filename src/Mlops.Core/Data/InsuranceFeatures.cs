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
    double Miles);
