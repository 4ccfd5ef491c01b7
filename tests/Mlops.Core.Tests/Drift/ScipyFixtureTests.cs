using Mlops.Core.Data;
using Mlops.Core.Drift;

namespace Mlops.Core.Tests.Drift;

/// <summary>
/// Every drift test against SciPy's values, computed the way Evidently calls SciPy
/// (scripts/fixtures/drift_fixtures.py). Distances and statistics must agree to 1e-9, p-values to 1e-6
/// absolute — and to 1e-6 relative as well, so that tiny p-values are right too, not just "close to 0".
/// </summary>
public sealed class ScipyFixtureTests
{
    private const double Exact = 1e-9;
    private const double PValue = 1e-6;

    public static TheoryData<string> Cases => DriftFixture.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kolmogorov_smirnov_matches_scipy_ks_2samp(string name)
    {
        var f = DriftFixture.Named(name);
        var result = KolmogorovSmirnov.TwoSample(SortedSample.Of(f.Reference), SortedSample.Of(f.Current));
        AssertClose(f.Expected("ks_statistic"), result.Statistic, Exact, 0, "statistic");
        AssertClose(f.Expected("ks_pvalue"), result.PValue, PValue, PValue, "p-value");
        Assert.True(result.Exact);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wasserstein_matches_scipy_wasserstein_distance(string name)
    {
        var f = DriftFixture.Named(name);
        var reference = SortedSample.Of(f.Reference);
        var current = SortedSample.Of(f.Current);
        AssertClose(f.Expected("wasserstein_distance"), WassersteinDistance.Distance(reference, current), Exact, 1e-12, "distance");
        AssertClose(f.Expected("wasserstein_norm"), WassersteinDistance.Normed(reference, current), Exact, 1e-12, "normed");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Binned_distances_match_evidently_and_scipy(string name)
    {
        var f = DriftFixture.Named(name);
        var reference = SortedSample.Of(f.Reference);
        var current = SortedSample.Of(f.Current);
        Assert.Equal((int)f.Expected("bins"), BinnedDistribution.Of(reference, current, f.Kind, fillZeroes: false).Reference.Count);
        AssertClose(f.Expected("jensenshannon"), InformationDistances.JensenShannon(reference, current, f.Kind), Exact, 0, "jensenshannon");
        AssertClose(f.Expected("psi"), InformationDistances.PopulationStabilityIndex(reference, current, f.Kind), Exact, 1e-12, "psi");
        AssertClose(f.Expected("kl_div"), InformationDistances.KullbackLeibler(reference, current, f.Kind), Exact, 1e-12, "kl_div");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chi_square_and_z_test_match_scipy(string name)
    {
        var f = DriftFixture.Named(name);
        var reference = SortedSample.Of(f.Reference);
        var current = SortedSample.Of(f.Current);
        if (f.Has("chisquare"))
        {
            AssertClose(f.Expected("chisquare"), ChiSquareTest.PValue(reference, current), PValue, PValue, "chisquare");
        }

        if (f.Has("z"))
        {
            AssertClose(f.Expected("z"), ProportionsZTest.PValue(reference, current), PValue, PValue, "z");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Default_test_is_evidentlys_choice_and_scores_the_same(string name)
    {
        var f = DriftFixture.Named(name);
        var reference = SortedSample.Of(f.Reference);
        var current = SortedSample.Of(f.Current);
        var test = DefaultStatTest.Choose(reference, current, f.Kind);
        Assert.Equal(f.ExpectedText("default_test"), test.Name);
        var tolerance = test.ScoreKind == DriftScoreKind.PValue ? PValue : Exact;
        AssertClose(f.Expected("default_score"), test.Run(reference, current, f.Kind).Score, tolerance, test.ScoreKind == DriftScoreKind.PValue ? PValue : 1e-12, test.Name);
    }

    [Fact]
    public void The_fixtures_cover_every_test_and_the_seed_months()
    {
        var defaults = DriftFixture.All.Select(f => f.ExpectedText("default_test")).ToHashSet();
        Assert.Superset(new HashSet<string> { "ks", "chisquare", "z", "wasserstein", "jensenshannon" }, defaults);
        Assert.Contains(DriftFixture.All, f => f.Name == "seed age reference vs month-36");
        Assert.Contains(DriftFixture.All, f => f.Has("z") && f.Expected("z") > 0.05);
    }

    [Fact]
    public void The_fixtures_hold_every_column_of_every_seed_month()
    {
        // The scores of the talk's dashboard: all 36 windows of the seed, not a sample of months.
        var names = DriftFixture.All.Select(f => f.Name).ToHashSet();
        foreach (var month in Enumerable.Range(1, 36))
        {
            foreach (var feature in Feature.All)
            {
                Assert.Contains($"seed {feature.Name} reference vs month-{month}", names);
            }
        }
    }

    [Fact]
    public void Jensen_Shannon_uses_scipys_default_base_the_natural_logarithm()
    {
        // Evidently's _jensenshannon passes no base: two disjoint distributions are √ln 2 ≈ 0.833 apart
        // (base 2 would say 1.0, and every score would be 1.2 times Evidently's against the same threshold).
        Assert.Equal(Math.Sqrt(Math.Log(2)), InformationDistances.JensenShannon([1.0, 0.0], [0.0, 1.0]), 15);
        Assert.Equal(0.0, InformationDistances.JensenShannon([0.3, 0.7], [0.3, 0.7]), 15);
    }

    private static void AssertClose(double expected, double actual, double absolute, double relative, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.Equal(expected, actual);
            return;
        }

        var difference = Math.Abs(expected - actual);
        Assert.True(difference <= absolute, $"{what}: expected {expected:R}, got {actual:R} (difference {difference:E2} > {absolute:E0})");
        if (relative > 0 && expected != 0)
        {
            Assert.True(difference <= relative * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (relative difference {difference / Math.Abs(expected):E2} > {relative:E0})");
        }
    }
}
