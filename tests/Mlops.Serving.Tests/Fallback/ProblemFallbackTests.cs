using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Serving.Fallback;
using Mlops.Serving.Models;

namespace Mlops.Serving.Tests.Fallback;

/// <summary>The fallback for a problem that is not the talk's: per feature from the card, the problem's rules or its most frequent class.</summary>
public sealed class ProblemFallbackTests
{
    private static readonly ProblemSchema Pets = TestProblems.Of(
        "pets",
        ["fit", "ill"],
        new FeatureDefinition { Name = "weight", Kind = FeatureType.Numeric, Missing = MissingValuePolicy.Impute },
        new FeatureDefinition { Name = "species", Kind = FeatureType.Categorical, Categories = [ColumnValue.Of("cat"), ColumnValue.Of("dog"), ColumnValue.Of("ferret")] });

    [Fact]
    public void A_category_never_seen_in_training_goes_to_the_most_frequent_class_naming_the_feature()
    {
        var model = new Sure(0);
        var served = ServedModel.Trained(model, Card(), "v1", "test", 1, DateTimeOffset.UnixEpoch);

        var answer = new FallbackPolicy().Decide([4, 2], served);

        Assert.Equal(AnswerSource.BaselineOutOfRange, answer.Source);
        Assert.Equal("species", answer.Feature);
        Assert.Equal("species 'ferret' was never seen in training", answer.Reason);
        Assert.Equal(1, answer.Prediction.Class); // the card's most frequent class, "ill"
        Assert.Equal([0.0, 1.0], answer.Prediction.Probabilities);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void Seen_categories_and_numbers_in_range_reach_the_model()
    {
        var model = new Sure(0);
        var served = ServedModel.Trained(model, Card(), "v1", "test", 1, DateTimeOffset.UnixEpoch);

        Assert.Equal(AnswerSource.Ml, new FallbackPolicy().Decide([4, 1], served).Source);
        var outside = new FallbackPolicy().Decide([40, 0], served);
        Assert.Equal(AnswerSource.BaselineOutOfRange, outside.Source);
        Assert.Equal("weight 40 is outside the training range [1, 30]", outside.Reason);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public void A_missing_value_is_read_as_the_cards_imputed_value()
    {
        var served = ServedModel.Trained(new Sure(0), Card(), "v1", "test", 1, DateTimeOffset.UnixEpoch);

        var request = served.Reader.ReadOne(new System.Buffers.ReadOnlySequence<byte>("""{"weight":null,"species":"cat"}"""u8.ToArray()));

        Assert.Equal([7.5, 0], request.Value!.Features);
    }

    [Fact]
    public void The_problems_rules_answer_before_the_most_frequent_class()
    {
        var withRules = Pets with
        {
            Fallback = new FallbackRules { Rules = [new FallbackRuleDefinition { When = new Dictionary<string, FeatureCondition> { ["weight"] = new() { Below = 2 } }, Then = "fit" }] },
        };
        var served = ServedModel.BaselineOnly("test", 0, DateTimeOffset.UnixEpoch, withRules, ServedModel.FallbackRulesOf(withRules, Card() with { Problem = withRules }));

        Assert.Equal(0, new FallbackPolicy().Decide([1.5, 0], served).Prediction.Class);
        Assert.Equal(1, new FallbackPolicy().Decide([5, 0], served).Prediction.Class);
        Assert.Equal(AnswerSource.Baseline, new FallbackPolicy().Decide([5, 0], served).Source);
    }

    private static ModelCard Card() => new()
    {
        Trainer = "test",
        Parameters = new Dictionary<string, string>(),
        Features = ["weight", "species"],
        Problem = Pets,
        FeatureRanges = new Dictionary<string, FeatureRange> { ["weight"] = new(1, 30) },
        TrainingCategories = new Dictionary<string, IReadOnlyList<string>> { ["species"] = ["cat", "dog"] },
        MostFrequentClass = "ill",
        Encoding = new FeatureEncoding { Imputed = new Dictionary<string, double> { ["weight"] = 7.5 }, Width = 4 },
        TrainAccuracy = 0.9,
        TestAccuracy = 0.9,
        TrainingDataFile = "pets.csv",
        TrainingDataSha256 = new string('0', 64),
        TrainingRows = 100,
        Seed = 0,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ToolVersion = "test",
    };

    /// <summary>A model sure of one class, counting what it is asked.</summary>
    private sealed class Sure(int @class) : IClassifier
    {
        public int Calls { get; private set; }

        public string Name => "sure";

        public ProblemSchema Problem => Pets;

        public ClassPrediction Predict(ReadOnlySpan<double> features)
        {
            Calls++;
            return ClassPrediction.Certain(@class, 2);
        }
    }
}
