using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>
/// A column to watch: its name, whether it is numerical or categorical, and optionally a test and a
/// threshold that replace Evidently's default choice for it.
/// </summary>
public sealed record DriftColumn(string Name, FeatureKind Kind, string? Test = null, double? Threshold = null)
{
    /// <summary>Evidently's feature type label: <c>num</c> or <c>cat</c> (the <c>feature_type</c> metric label).</summary>
    public string TypeLabel => Kind == FeatureKind.Numerical ? "num" : "cat";
}
