using System.Text.Json;
using Mlops.Core.Drift;

namespace Mlops.Core.Tests.Drift;

/// <summary>The large-sample path of the KS test: Kolmogorov's limiting distribution, against <c>scipy.special.kolmogorov</c>.</summary>
public sealed class KolmogorovAsymptoticTests
{
    [Fact]
    public void Limiting_survival_function_matches_scipy()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "drift", "scipy-drift.json")));
        var points = document.RootElement.GetProperty("kolmogorov_survival").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var y = point[0].GetDouble();
            var expected = point[1].GetDouble();
            Assert.True(Math.Abs(expected - KolmogorovSmirnov.KolmogorovSurvival(y)) <= 1e-9, $"Q({y}): expected {expected:R}, got {KolmogorovSmirnov.KolmogorovSurvival(y):R}");
        }
    }

    [Fact]
    public void Samples_above_ten_thousand_leave_the_exact_distribution()
    {
        var random = new Random(3);
        var a = SortedSample.Of([.. Enumerable.Range(0, 12_000).Select(_ => random.NextDouble())]);
        var b = SortedSample.Of([.. Enumerable.Range(0, 12_000).Select(_ => random.NextDouble() + 0.02)]);
        var result = KolmogorovSmirnov.TwoSample(a, b);
        Assert.False(result.Exact);
        Assert.InRange(result.PValue, 0, 0.05);
    }
}
