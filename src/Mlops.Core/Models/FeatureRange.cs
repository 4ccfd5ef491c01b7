namespace Mlops.Core.Models;

/// <summary>
/// The smallest and largest value of a feature the model saw in training, or a problem's fixed fallback
/// range (<c>{ "min": 10, "max": 150 }</c>); inclusive.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record FeatureRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
