using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>How a test's score turns into a verdict.</summary>
public enum DriftScoreKind
{
    /// <summary>A p-value: drift when it is below the threshold (significance level).</summary>
    PValue,

    /// <summary>A distance: drift when it reaches the threshold.</summary>
    Distance,
}

/// <summary>
/// One of Evidently's column drift tests: a name, the kind of score, a default threshold, the feature
/// types it applies to and the computation. Instances live in <see cref="StatTests"/>.
/// </summary>
public sealed class StatTest
{
    private readonly Func<SortedSample, SortedSample, FeatureKind, double> _score;
    private readonly bool _driftAtThreshold;

    internal StatTest(
        string name,
        string displayName,
        DriftScoreKind scoreKind,
        double defaultThreshold,
        bool numerical,
        bool categorical,
        Func<SortedSample, SortedSample, FeatureKind, double> score,
        bool driftAtThreshold)
    {
        Name = name;
        DisplayName = displayName;
        ScoreKind = scoreKind;
        DefaultThreshold = defaultThreshold;
        AppliesToNumerical = numerical;
        AppliesToCategorical = categorical;
        _score = score;
        _driftAtThreshold = driftAtThreshold;
    }

    /// <summary>Evidently's name, used in config files and reports: <c>ks</c>, <c>chisquare</c>, <c>z</c>, <c>wasserstein</c>, <c>jensenshannon</c>, <c>psi</c>, <c>kl_div</c>.</summary>
    public string Name { get; }

    public string DisplayName { get; }

    public DriftScoreKind ScoreKind { get; }

    public double DefaultThreshold { get; }

    public bool AppliesToNumerical { get; }

    public bool AppliesToCategorical { get; }

    public bool AppliesTo(FeatureKind kind) => kind == FeatureKind.Numerical ? AppliesToNumerical : AppliesToCategorical;

    /// <summary>Runs the test; both samples must be non-empty.</summary>
    public StatTestResult Run(SortedSample reference, SortedSample current, FeatureKind kind, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var t = threshold ?? DefaultThreshold;
        var score = _score(reference, current, kind);
        return new StatTestResult(Name, score, t, IsDrift(score, t));
    }

    /// <summary>
    /// The verdict, with Evidently's comparisons: p-value tests drift below the threshold (its <c>ks</c>
    /// also at it: <c>p_value &lt;= threshold</c>), distances at or above it. NaN never drifts.
    /// </summary>
    public bool IsDrift(double score, double threshold) => ScoreKind == DriftScoreKind.PValue
        ? score < threshold || (_driftAtThreshold && score == threshold)
        : score >= threshold;

    public override string ToString() => Name;
}
