using Mlops.Core.Data;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

public sealed class RiskSweetSpotsTests
{
    private static readonly InsuranceDataset Reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true);

    private static InsuranceRecord[] TrainingRows(InsuranceDataset data) =>
        [.. StratifiedSplit.Create(data.Labels(), 42, 0.2).Train.Select(i => data.Records[i])];

    [Fact]
    public void Finds_the_generators_sweet_spots_from_the_training_rows()
    {
        // The causal model uses |age - 34.9|, |power - 100| and |miles - 25|; the fit never sees them.
        var spots = RiskSweetSpots.Fit(TrainingRows(Reference));

        Assert.InRange(spots.Age, 34.0, 36.0);
        Assert.InRange(spots.Power, 96.0, 104.0);
        Assert.InRange(spots.Miles, 23.0, 28.0);
    }

    [Fact]
    public void Without_the_risk_score_the_classes_still_locate_the_spots_roughly()
    {
        var labelsOnly = TrainingRows(Reference).Select(r => r with { Risk = null }).ToArray();

        var spots = RiskSweetSpots.Fit(labelsOnly);

        Assert.InRange(spots.Age, 33.0, 37.0);
        Assert.InRange(spots.Power, 85.0, 120.0);
        Assert.InRange(spots.Miles, 18.0, 32.0);
    }

    [Fact]
    public void Is_deterministic()
    {
        Assert.Equal(RiskSweetSpots.Fit(TrainingRows(Reference)), RiskSweetSpots.Fit(TrainingRows(Reference)));
    }
}
