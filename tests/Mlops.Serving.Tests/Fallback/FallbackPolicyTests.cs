using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Serving.Fallback;
using Mlops.Serving.Models;
using Mlops.Serving.Tests.Service;

namespace Mlops.Serving.Tests.Fallback;

public sealed class FallbackPolicyTests
{
    private static readonly InsuranceFeatures Talk = new(Training: true, Age: 51, EmergencyBraking: true, BrakingDistance: 30, Power: 100, Miles: 10);

    [Fact]
    public void A_confident_model_answers_inputs_inside_the_ranges()
    {
        var model = new FixedModel(0.1, 0.2, 0.7);
        var answer = Policy().Decide(V(Talk), Served(model));

        Assert.Equal(AnswerSource.Ml, answer.Source);
        Assert.Equal(RiskGroup.Low, (RiskGroup)answer.Prediction.Class);
        Assert.Equal([0.1, 0.2, 0.7], answer.Prediction.Probabilities);
        Assert.Null(answer.Reason);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public void Power_20_from_the_talk_goes_to_the_baseline_without_asking_the_model()
    {
        var model = new FixedModel(0.1, 0.2, 0.7);
        var answer = Policy().Decide(V(Talk with { Power = 20 }), Served(model));

        Assert.Equal(AnswerSource.BaselineOutOfRange, answer.Source);
        Assert.Equal("power", answer.Feature);
        Assert.Contains("power 20 is outside the training range [50, 250]", answer.Reason, StringComparison.Ordinal);
        Assert.Equal(RiskGroup.Medium, (RiskGroup)answer.Prediction.Class); // the stand-in baseline's class
        Assert.Equal([0.0, 1.0, 0.0], answer.Prediction.Probabilities);
        Assert.Equal(0, model.Calls);
    }

    [Theory]
    [InlineData(9.9, "age")]
    [InlineData(150.1, "age")]
    [InlineData(250.5, "power")]
    public void Each_range_bound_is_checked(double value, string feature)
    {
        var input = feature == "age" ? Talk with { Age = value } : Talk with { Power = value };
        var answer = Policy().Decide(V(input), Served(new FixedModel(0.1, 0.2, 0.7)));

        Assert.Equal(AnswerSource.BaselineOutOfRange, answer.Source);
        Assert.Equal(feature, answer.Feature);
    }

    [Fact]
    public void The_range_bounds_themselves_are_inside()
    {
        var answer = Policy().Decide(V(Talk with { Age = 10, Power = 250 }), Served(new FixedModel(0.1, 0.2, 0.7)));
        Assert.Equal(AnswerSource.Ml, answer.Source);
    }

    [Fact]
    public void An_unsure_model_is_replaced_by_the_baseline()
    {
        var answer = Policy().Decide(V(Talk), Served(new FixedModel(0.3, 0.3, 0.4)));

        Assert.Equal(AnswerSource.BaselineLowProbability, answer.Source);
        Assert.Contains("0.4 is below 0.5", answer.Reason, StringComparison.Ordinal);
        Assert.Equal([0.0, 1.0, 0.0], answer.Prediction.Probabilities);
        Assert.Null(answer.Feature);
    }

    [Fact]
    public void The_certainty_threshold_is_configurable()
    {
        var served = Served(new FixedModel(0.1, 0.3, 0.6));

        Assert.Equal(AnswerSource.Ml, Policy(0.5).Decide(V(Talk), served).Source);
        Assert.Equal(AnswerSource.Ml, Policy(0.6).Decide(V(Talk), served).Source);
        Assert.Equal(AnswerSource.BaselineLowProbability, Policy(0.61).Decide(V(Talk), served).Source);
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy(1.5));
    }

    [Fact]
    public void Without_a_trained_model_the_baseline_answers_everything()
    {
        var answer = Policy().Decide(V(Talk with { Power = 20 }), ServedModel.BaselineOnly("baseline (no production model)", 0, DateTimeOffset.UnixEpoch, ProblemSchema.Insurance, new ConstantModel(RiskGroup.Medium)));

        Assert.Equal(AnswerSource.Baseline, answer.Source);
        Assert.Equal(RiskGroup.Medium, (RiskGroup)answer.Prediction.Class);
    }

    [Fact]
    public void A_batch_gets_the_same_answers_as_single_requests_and_the_model_sees_only_rows_in_range()
    {
        var model = new FixedModel(0.1, 0.2, 0.7);
        var served = Served(model);
        InsuranceFeatures[] rows = [Talk, Talk with { Power = 20 }, Talk with { Age = 200 }, Talk];

        var answers = Policy().DecideAll([.. rows.Select(V)], served);

        Assert.Equal([AnswerSource.Ml, AnswerSource.BaselineOutOfRange, AnswerSource.BaselineOutOfRange, AnswerSource.Ml], answers.Select(a => a.Source));
        Assert.Equal(["power", "age"], answers.Skip(1).Take(2).Select(a => a.Feature));
        Assert.Equal(2, model.RowsSeen);
        Assert.Equal(rows.Select(r => Policy().Decide(V(r), served).Source), answers.Select(a => a.Source));
    }

    private static FallbackPolicy Policy(double minCertainty = 0.5) => new(minCertainty);

    /// <summary>The insurance problem's feature vector of a customer.</summary>
    private static double[] V(InsuranceFeatures customer) => TalkCustomers.Vector(customer);

    private static ServedModel Served(IClassifier model) =>
        ServedModel.Trained(model, TestCards.WithTalkRanges(), "v1", "test", 1, DateTimeOffset.UnixEpoch, fallback: new ConstantModel(RiskGroup.Medium));

    /// <summary>Stands in for the trained model: always the same probabilities, and counts what it was asked.</summary>
    private sealed class FixedModel(params double[] probabilities) : IClassifier
    {
        public int Calls { get; private set; }

        public int RowsSeen { get; private set; }

        public string Name => "fixed";

        public ProblemSchema Problem => ProblemSchema.Insurance;

        public ClassPrediction Predict(ReadOnlySpan<double> features)
        {
            Calls++;
            RowsSeen++;
            return ClassPrediction.FromProbabilities(probabilities);
        }
    }

    /// <summary>Stands in for the baseline: one class for everyone, so the tests see who answered.</summary>
    private sealed class ConstantModel(RiskGroup group) : IClassifier
    {
        public string Name => "constant";

        public ProblemSchema Problem => ProblemSchema.Insurance;

        public ClassPrediction Predict(ReadOnlySpan<double> features) => ClassPrediction.Certain((int)group, RiskGroups.Count);
    }
}
