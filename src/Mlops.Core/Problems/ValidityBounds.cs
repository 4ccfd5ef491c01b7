using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// The hard bounds of a numeric feature: a value outside them is impossible (no customer drives negative
/// miles), not merely unusual. Data quality counts such values; unlike the training range, these bounds
/// never move with the data.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ValidityBounds : Interval
{
    /// <summary>False only for a value outside the bounds; a missing value is not impossible (the missing-value policy judges it).</summary>
    public bool IsPossible(double value) => double.IsNaN(value) || Contains(value);

    public override string ToString() => base.ToString();
}
