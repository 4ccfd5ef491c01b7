namespace Mlops.Core.Generation;

/// <summary>
/// The parameters of the talk's causal model for one month of production. Month 0 is the
/// reference (training) data; each month later, people are a little older, drive less, more cars
/// brake on their own and the driver's own ability matters less.
/// </summary>
public sealed record ProductionMonth(int Month)
{
    /// <summary>Years added to every age: people get older, slowly.</summary>
    public double AgeShift => 0.1 * Month;

    /// <summary>Share of cars with an emergency-braking assistant: cars get safer.</summary>
    public double EmergencyBrakingShare => Math.Min(1.0, 0.40 + (0.015 * Month));

    /// <summary>Thousand miles less per year: people switch to the train.</summary>
    public double MilesShift => -Month;

    /// <summary>
    /// Whether the driver weight falls month by month (the talk's data, default). Off, the month has
    /// covariate drift only: the inputs move, their meaning for the risk stays as in the reference —
    /// the world in which a performance estimate without labels can be right.
    /// </summary>
    public bool ConceptDrift { get; init; } = true;

    /// <summary>Weight of driver ability in the risk score: the concept drift.</summary>
    public double DriverWeight => ConceptDrift ? 4.0 - (0.1 * Month) : 4.0;

    /// <summary>The file name the seed uses for this month.</summary>
    public string FileName => Month == 0 ? "reference.csv" : $"month-{Month}.csv";
}
