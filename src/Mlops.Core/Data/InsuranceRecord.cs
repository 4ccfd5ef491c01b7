namespace Mlops.Core.Data;

/// <summary>
/// One row of the insurance data: the features and, when ground truth is known, the label.
/// Production rows have no label yet; it arrives (in the talk) two years later.
/// </summary>
public sealed record InsuranceRecord(InsuranceFeatures Features, double? Risk = null, RiskGroup? Group = null)
{
    public bool HasLabel => Group is not null;
}
