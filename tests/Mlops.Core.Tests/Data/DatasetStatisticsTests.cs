using Mlops.Core.Data;
using Mlops.Core.Statistics;

namespace Mlops.Core.Tests.Data;

public sealed class DatasetStatisticsTests
{
    [Fact]
    public void Column_statistics_use_the_sample_standard_deviation()
    {
        var stats = ColumnStatistics.Of("x", [2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, stats.Count);
        Assert.Equal(5, stats.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), stats.StandardDeviation, 12);
        Assert.Equal(2, stats.Min);
        Assert.Equal(9, stats.Max);
    }

    [Fact]
    public void Dataset_statistics_cover_every_feature_the_risk_and_the_classes()
    {
        var rows = new[]
        {
            new InsuranceRecord(new InsuranceFeatures(true, 30, false, 40, 100, 10), 0.5, RiskGroup.Low),
            new InsuranceRecord(new InsuranceFeatures(false, 50, true, 42, 120, 60), 4.0, RiskGroup.High),
            new InsuranceRecord(new InsuranceFeatures(false, 20, true, 38, 140, 30), 4.5, RiskGroup.High),
        };

        var stats = DatasetStatistics.Of(new InsuranceDataset("x.csv", rows));

        Assert.Equal(["training", "age", "emergency_braking", "braking_distance", "power", "miles", "risk"], stats.Columns.Select(c => c.Column));
        Assert.Equal(100.0 / 3, stats.Columns[1].Mean, 12);
        Assert.Equal(new Dictionary<string, int> { ["high"] = 2, ["medium"] = 0, ["low"] = 1 }, stats.ClassCounts);
    }
}
