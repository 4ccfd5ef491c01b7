using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Tests.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

/// <summary>The talk's "drop a feature?": a model that takes all six inputs and ignores the dropped ones.</summary>
[Collection(ReferenceModelGroup.Name)]
public sealed class DroppedFeatureTests(ReferenceModelFixture fixture)
{
    [Fact]
    public void A_model_without_emergency_braking_ignores_it_and_says_so_on_its_card()
    {
        var options = new TrainingOptions { Features = FeatureSelection.Dropping(["emergency_braking"]) };
        using var trained = ProblemModelTrainer.Train(fixture.Data, "hash", options);
        Assert.Equal(["emergency_braking"], trained.Card.DroppedFeatures);
        Assert.DoesNotContain("emergency_braking", trained.Card.FeatureRanges.Keys);
        Assert.Equal(5, trained.Card.FeatureRanges.Count);
        Assert.DoesNotContain("emergency_braking", trained.Card.Parameters["features"], StringComparison.Ordinal);
        Assert.Equal("emergency_braking", trained.Card.Parameters["dropped_features"]);
        Assert.Equal(Feature.All.Select(f => f.Name), trained.Card.Features);

        foreach (var record in fixture.Reference.Records.Take(50))
        {
            var with = trained.Classifier.Predict(TalkCustomers.Vector(record.Features with { EmergencyBraking = true }));
            var without = trained.Classifier.Predict(TalkCustomers.Vector(record.Features with { EmergencyBraking = false }));
            Assert.Equal(with.Probabilities, without.Probabilities);
        }

        // The full model does use it: the test above could fail.
        var first = fixture.Reference.Records[0].Features;
        Assert.NotEqual(
            fixture.Trained.Classifier.Predict(TalkCustomers.Vector(first with { EmergencyBraking = true })).Probabilities,
            fixture.Trained.Classifier.Predict(TalkCustomers.Vector(first with { EmergencyBraking = false })).Probabilities);
    }

    [Fact]
    public void A_model_with_a_dropped_age_is_saved_and_loaded_like_any_other_and_takes_six_inputs()
    {
        using var temp = new TemporaryDirectory("mlops-drop");
        using var trained = ProblemModelTrainer.Train(fixture.Data, "hash", new TrainingOptions { Features = FeatureSelection.Dropping(["age"]) });
        ModelDirectory.Save(trained, temp.Path);
        using var loaded = ModelDirectory.Load(temp.Path);
        Assert.Equal(["age"], loaded.Card.DroppedFeatures);
        Assert.DoesNotContain("sweet_spot_age", loaded.Card.Parameters.Keys);
        var customer = new InsuranceFeatures(false, 35, true, 40, 100, 25);
        Assert.Equal(trained.Classifier.Predict(TalkCustomers.Vector(customer)).Probabilities, loaded.Classifier.Predict(TalkCustomers.Vector(customer)).Probabilities);
        Assert.Equal(loaded.Classifier.Predict(TalkCustomers.Vector(customer with { Age = 90 })).Probabilities, loaded.Classifier.Predict(TalkCustomers.Vector(customer)).Probabilities);

        // No range for a dropped input: age 200 does not send a request to the fallback.
        Assert.Null(FallbackRule.OutOfRange(TalkCustomers.Vector(customer with { Age = 200 }), TrainingRanges.Of(loaded.Card, Core.Problems.ProblemSchema.Insurance)));
    }

    [Fact]
    public void The_default_selection_trains_the_same_model_as_before()
    {
        using var again = ProblemModelTrainer.Train(fixture.Data, "hash", new TrainingOptions { Features = FeatureSelection.Dropping([]) });
        Assert.Null(again.Card.DroppedFeatures);
        Assert.Equal(fixture.Trained.Card.TestAccuracy, again.Card.TestAccuracy);
        Assert.Equal(fixture.Trained.Card.Parameters["features"], again.Card.Parameters["features"]);
    }

    [Fact]
    public void Unknown_features_and_dropping_everything_are_bad_input()
    {
        var unknown = Assert.Throws<InvalidInputException>(() => FeatureSelection.Dropping(["speed"]).DroppedOf(ProblemSchema.Insurance));
        Assert.Contains("'speed'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => FeatureSelection.Dropping(ProblemSchema.Insurance.Features.Select(f => f.Name)).DroppedOf(ProblemSchema.Insurance));
        Assert.Throws<InvalidInputException>(() => ProblemModelTrainer.Train(fixture.Data, "hash", new TrainingOptions { Features = FeatureSelection.Dropping(["speed"]) }));
    }

    [Fact]
    public void The_card_records_how_to_train_the_same_way_again()
    {
        var options = new TrainingOptions { Seed = 7, Features = FeatureSelection.Dropping(["power", "miles"]) };
        using var trained = ProblemModelTrainer.Train(fixture.Data, "hash", options);
        var read = TrainingOptionsFromCard.Read(trained.Card);
        Assert.Equal(options.Trainer, read.Trainer);
        Assert.Equal(7, read.Seed);
        Assert.Equal(options.TestFraction, read.TestFraction);
        Assert.Equal(options.L2Regularization, read.L2Regularization);
        Assert.Equal(["power", "miles"], read.Features.Dropped);
        Assert.Equal(TrainerKind.LightGbm, TrainingOptionsFromCard.Read(fixture.Trained.Card with { Parameters = new Dictionary<string, string> { ["trainer"] = "lightgbm" } }).Trainer);
    }
}
