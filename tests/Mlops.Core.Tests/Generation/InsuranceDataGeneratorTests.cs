using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Generation;
using Mlops.Testing;

namespace Mlops.Core.Tests.Generation;

public sealed class InsuranceDataGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var month = new ProductionMonth(5);

        var first = new InsuranceDataGenerator(seed: 3).Generate(month, rows: 200);
        var again = new InsuranceDataGenerator(seed: 3).Generate(month, rows: 200);
        var other = new InsuranceDataGenerator(seed: 4).Generate(month, rows: 200);

        Assert.Equal(first.Records, again.Records);
        Assert.NotEqual(first.Records, other.Records);
    }

    [Fact]
    public void Months_of_one_seed_are_independent_draws()
    {
        var generator = new InsuranceDataGenerator();

        var reference = generator.Generate(new ProductionMonth(0), rows: 100);
        var month1 = generator.Generate(new ProductionMonth(1), rows: 100);

        Assert.NotEqual(reference.Column(Feature.Find("braking_distance")!), month1.Column(Feature.Find("braking_distance")!));
    }

    [Fact]
    public void The_typical_driver_age_is_the_talks_34_9()
    {
        Assert.InRange(new InsuranceDataGenerator().TypicalDriverAge, 34.6, 35.2);
    }

    [Fact]
    public void Labels_follow_the_fixed_thresholds_on_the_risk_score()
    {
        var data = new InsuranceDataGenerator().Generate(new ProductionMonth(20));

        Assert.All(data.Records, r => Assert.Equal(RiskGroups.FromRiskScore(r.Risk!.Value), r.Group));
    }

    [Theory]
    [InlineData(0, 0.0, 0.400, 0.0, 4.0)]
    [InlineData(12, 1.2, 0.580, -12.0, 2.8)]
    [InlineData(36, 3.6, 0.940, -36.0, 0.4)]
    public void The_drift_per_month_is_the_talks(int m, double age, double braking, double miles, double weight)
    {
        var month = new ProductionMonth(m);

        Assert.Equal(age, month.AgeShift, 1e-12);
        Assert.Equal(braking, month.EmergencyBrakingShare, 1e-12);
        Assert.Equal(miles, month.MilesShift, 1e-12);
        Assert.Equal(weight, month.DriverWeight, 1e-12);
    }

    /// <summary>
    /// The seed's files are real data no one here wrote: our generator must be statistically
    /// indistinguishable from them, month by month. Means and class shares are compared against
    /// a 15,000-row draw: between two 1,500-row samples the standard error of a mean difference
    /// is already 3.7 % of the spread, so a 5 % bound would fail by chance for one column in six.
    /// The KS test compares the generated 1,500-row file itself.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(36)]
    public void Generated_months_match_the_seeds_files(int m)
    {
        var seed = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(m), requireLabels: true);
        var generator = new InsuranceDataGenerator();
        var generated = generator.Generate(new ProductionMonth(m));
        var large = generator.Generate(new ProductionMonth(m), rows: 15_000);
        var problems = new List<string>();

        foreach (var feature in Feature.All)
        {
            var expected = seed.Column(feature);
            var spread = Statistics.ColumnStatistics.Of(feature.Name, expected).StandardDeviation;
            var meanGap = Math.Abs(expected.Average() - large.Column(feature).Average());
            if (meanGap > 0.05 * spread)
            {
                problems.Add($"{feature}: means differ by {meanGap:F3}, more than 5 % of the seed's spread {spread:F3}");
            }

            var ks = KolmogorovSmirnov.TwoSample(SortedSample.Of(expected), SortedSample.Of(generated.Column(feature)));
            if (ks.PValue < 0.01)
            {
                problems.Add($"{feature}: KS rejects at 1 % (D = {ks.Statistic:F4}, p = {ks.PValue:G3})");
            }
        }

        var seedLabels = seed.Labels();
        var generatedLabels = large.Labels();
        foreach (var group in RiskGroups.All)
        {
            var expectedShare = seedLabels.Count(g => g == group) / (double)seedLabels.Length;
            var actualShare = generatedLabels.Count(g => g == group) / (double)generatedLabels.Length;
            if (Math.Abs(expectedShare - actualShare) > 0.05)
            {
                problems.Add($"class {group.Name()}: share {actualShare:P1} vs the seed's {expectedShare:P1}");
            }
        }

        Assert.True(problems.Count == 0, $"month {m}: " + string.Join("; ", problems));
    }
}
