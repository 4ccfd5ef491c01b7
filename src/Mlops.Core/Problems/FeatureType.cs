namespace Mlops.Core.Problems;

/// <summary>What values a feature takes, as the problem file names it (<c>"kind"</c>).</summary>
public enum FeatureType
{
    /// <summary>Any finite number within the validity bounds.</summary>
    Numeric,

    /// <summary>0 or 1 (true/false), e.g. the talk's <c>training</c>.</summary>
    Binary,

    /// <summary>One of the listed categories, strings or whole numbers.</summary>
    Categorical,
}
