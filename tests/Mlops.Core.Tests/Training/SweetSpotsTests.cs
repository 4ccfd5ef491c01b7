using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

public sealed class SweetSpotsTests
{
    private static readonly ProblemDataset Reference = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, requireLabels: true);

    private static readonly FeatureEncoding AsIs = new() { Imputed = new Dictionary<string, double>(), Width = 0 };

    private static IReadOnlyList<int> TrainingRows(ProblemDataset data) =>
        StratifiedSplit.Create(data.Labels.ToArray(), data.Schema.Label.Classes.Count, 42, 0.2).Train;

    [Fact]
    public void Finds_the_generators_sweet_spots_from_the_training_rows()
    {
        // The causal model uses |age - 34.9|, |power - 100| and |miles - 25|; the fit never sees them.
        var spots = SweetSpots.Fit(Reference, TrainingRows(Reference), AsIs).ToDictionary(s => s.Feature, s => s.Spot);

        Assert.Equal(["age", "power", "miles"], spots.Keys);
        Assert.InRange(spots["age"], 34.0, 36.0);
        Assert.InRange(spots["power"], 96.0, 104.0);
        Assert.InRange(spots["miles"], 23.0, 28.0);
    }

    [Fact]
    public void Without_the_target_column_the_classes_still_locate_the_spots_roughly()
    {
        var features = Enumerable.Range(0, Reference.Schema.Features.Count).Select(f => Reference.Feature(f).ToArray()).ToArray();
        var labelsOnly = new ProblemDataset(Reference.Name, Reference.Schema, features, Reference.Labels.ToArray());
        Assert.Null(labelsOnly.IgnoredNumbers("risk"));
        Assert.NotNull(Reference.IgnoredNumbers("risk"));

        var spots = SweetSpots.Fit(labelsOnly, TrainingRows(labelsOnly), AsIs).ToDictionary(s => s.Feature, s => s.Spot);

        Assert.InRange(spots["age"], 33.0, 37.0);
        Assert.InRange(spots["power"], 85.0, 120.0);
        Assert.InRange(spots["miles"], 18.0, 32.0);
    }

    [Fact]
    public void Is_deterministic()
    {
        Assert.Equal(SweetSpots.Fit(Reference, TrainingRows(Reference), AsIs), SweetSpots.Fit(Reference, TrainingRows(Reference), AsIs));
    }

    [Fact]
    public void Any_numeric_feature_may_have_a_spot_and_the_model_reads_its_distance()
    {
        // Nothing in the trainer knows the insurance features: a problem file that puts a spot on
        // braking distance alone gets exactly that feature engineered.
        var problem = ProblemSchema.Insurance with
        {
            Name = "braking",
            Training = new TrainingSettings { Trainer = "maxent", FeatureEngineering = new FeatureEngineering { SweetSpots = ["braking_distance"] } },
        };
        var data = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), problem, requireLabels: true);

        using var trained = ProblemModelTrainer.Train(data, "hash", new TrainingOptions());

        var spot = Assert.Single(trained.Card.Encoding!.SweetSpots!);
        Assert.Equal("braking_distance", spot.Feature);
        Assert.Equal(["training", "age", "emergency_braking", "power", "miles", $"|braking_distance - {(float)spot.Spot:R}|"], trained.Card.Parameters["features"].Split(", "));
        Assert.Equal(6, trained.Card.Encoding.Width);
        Assert.Contains("sweet_spot_braking_distance", trained.Card.Parameters.Keys);
    }

    [Theory]
    [InlineData("training", "'training', which is not a numeric feature")]
    [InlineData("speed", "'speed', which is not a numeric feature")]
    public void A_spot_on_anything_but_a_numeric_feature_is_bad_input(string feature, string expected)
    {
        var problem = ProblemSchema.Insurance with
        {
            Training = new TrainingSettings { FeatureEngineering = new FeatureEngineering { SweetSpots = [feature], SweetSpotTarget = "risk" } },
        };

        var error = Assert.Throws<InvalidInputException>(() => SweetSpots.Features(problem));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_is_not_an_ignored_column_is_bad_input()
    {
        var problem = ProblemSchema.Insurance with
        {
            Training = new TrainingSettings { FeatureEngineering = new FeatureEngineering { SweetSpots = ["age"], SweetSpotTarget = "score" } },
        };

        var error = Assert.Throws<InvalidInputException>(() => SweetSpots.Features(problem));

        Assert.Contains("sweet_spot_target 'score' is not an ignored column", error.Message, StringComparison.Ordinal);
    }
}
