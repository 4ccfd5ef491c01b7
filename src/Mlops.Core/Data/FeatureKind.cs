namespace Mlops.Core.Data;

/// <summary>How a column is treated by statistics and drift tests.</summary>
public enum FeatureKind
{
    Numerical,
    Categorical,
}
