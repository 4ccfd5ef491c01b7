using Mlops.Core.Validation;

namespace Mlops.Core.Registry;

/// <summary>The promotion gate's answer for one version, with the evidence it is based on.</summary>
/// <param name="Passed">True when the latest recorded validation passed every check.</param>
/// <param name="Reason">One line for people: why the gate opens or stays shut.</param>
/// <param name="LatestValidation">The validation the verdict rests on; null when the version was never validated.</param>
public sealed record GateVerdict(bool Passed, string Reason, ValidationRecord? LatestValidation)
{
    /// <summary>The failed checks of the latest validation, with measured value and bound.</summary>
    public IReadOnlyList<InvariantCheck> FailedChecks => LatestValidation?.FailedChecks ?? [];
}
