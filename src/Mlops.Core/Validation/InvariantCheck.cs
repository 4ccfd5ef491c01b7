namespace Mlops.Core.Validation;

/// <summary>One invariant of the model, measured: e.g. "test accuracy > 0.85" measured as 0.87.</summary>
/// <param name="Name">Stable identifier, e.g. "test_accuracy_min".</param>
/// <param name="Description">What the check means, for people.</param>
/// <param name="Measured">The value measured on the data.</param>
/// <param name="Bound">The human-readable bound, e.g. "&gt; 0.85".</param>
/// <param name="Passed">Whether the measured value is within the bound.</param>
public sealed record InvariantCheck(string Name, string Description, double Measured, string Bound, bool Passed)
{
    /// <summary>
    /// How far the measured value is inside its bound, in the measured value's unit: positive when
    /// the check passed, negative when it failed (−0.05 = five points of accuracy short).
    /// </summary>
    public double? Margin { get; init; }
}
