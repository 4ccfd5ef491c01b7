namespace Mlops.Core.Models;

/// <summary>The smallest and largest value of a feature the model saw in training.</summary>
public sealed record FeatureRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
