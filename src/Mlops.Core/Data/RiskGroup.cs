namespace Mlops.Core.Data;

/// <summary>The risk class the model predicts. The numeric values are the seed's labels.</summary>
public enum RiskGroup
{
    High = 0,
    Medium = 1,
    Low = 2,
}

public static class RiskGroups
{
    public const int Count = 3;

    public static IReadOnlyList<RiskGroup> All { get; } = [RiskGroup.High, RiskGroup.Medium, RiskGroup.Low];

    /// <summary>The seed's <c>group_name</c>: "high", "medium" or "low".</summary>
    public static string Name(this RiskGroup group) => group switch
    {
        RiskGroup.High => "high",
        RiskGroup.Medium => "medium",
        RiskGroup.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "unknown risk group"),
    };

    public static bool TryFromLabel(int label, out RiskGroup group)
    {
        group = (RiskGroup)label;
        return label is >= 0 and < Count;
    }

    /// <summary>The fixed thresholds of the talk's generator: risk &lt; 1 is low, risk &gt; 3 is high.</summary>
    public static RiskGroup FromRiskScore(double risk) => risk switch
    {
        < 1.0 => RiskGroup.Low,
        > 3.0 => RiskGroup.High,
        _ => RiskGroup.Medium,
    };
}
