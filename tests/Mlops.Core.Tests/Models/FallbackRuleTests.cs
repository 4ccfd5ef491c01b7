using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Tests.Problems;

namespace Mlops.Core.Tests.Models;

public sealed class FallbackRuleTests
{
    private static readonly ModelCard Card = new()
    {
        Trainer = "maxent",
        Parameters = new Dictionary<string, string>(),
        Features = [.. Feature.All.Select(f => f.Name)],
        FeatureRanges = new Dictionary<string, FeatureRange>
        {
            ["age"] = new(18, 90),
            ["power"] = new(50, 250),
            ["miles"] = new(0, 120),
        },
        TrainAccuracy = 0.9,
        TestAccuracy = 0.9,
        TrainingDataFile = "reference.csv",
        TrainingDataSha256 = "00",
        TrainingRows = 1200,
        Seed = 42,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ToolVersion = "test",
    };

    private static readonly InsuranceFeatures Customer = new(false, 35, true, 40, 100, 25);

    private static readonly TrainingRanges Ranges = TrainingRanges.Of(Card, ProblemSchema.Insurance);

    private static readonly ClassPrediction Sure = ClassPrediction.FromProbabilities([0.1, 0.2, 0.7]);

    /// <summary>The customer as the insurance problem's feature vector, which the rule reads.</summary>
    private static double[] V(InsuranceFeatures customer) => TalkCustomers.Vector(customer);

    [Fact]
    public void Power_20_is_outside_the_training_range_and_the_model_is_not_asked()
    {
        var decision = FallbackRule.Default.Decide(V(Customer with { Power = 20 }), Ranges, Sure);
        Assert.Equal(FallbackReason.OutOfRange, decision.Reason);
        Assert.Equal("power", decision.Feature);
        Assert.Equal("power 20 is outside the training range [50, 250]", decision.Explanation);
    }

    [Fact]
    public void Ranges_are_inclusive_and_the_first_feature_out_of_range_is_named()
    {
        Assert.Null(FallbackRule.OutOfRange(V(Customer with { Age = 18, Power = 250 }), Ranges));
        Assert.Equal("age", FallbackRule.OutOfRange(V(Customer with { Age = 17.9, Miles = -3 }), Ranges)!.Feature);
        Assert.Equal("miles", FallbackRule.OutOfRange(V(Customer with { Miles = -3 }), Ranges)!.Feature);
    }

    [Fact]
    public void A_top_probability_below_one_half_is_not_trusted_one_half_is()
    {
        Assert.Equal(FallbackReason.LowCertainty, FallbackRule.Default.Decide(V(Customer), Ranges, ClassPrediction.FromProbabilities([0.49, 0.3, 0.21])).Reason);
        Assert.Equal(FallbackReason.None, FallbackRule.Default.Decide(V(Customer), Ranges, ClassPrediction.FromProbabilities([0.5, 0.3, 0.2])).Reason);
        Assert.False(FallbackRule.Default.Decide(V(Customer), Ranges, Sure).UsesBaseline);
        Assert.Equal(FallbackReason.None, new FallbackRule(0.3).Judge(ClassPrediction.FromProbabilities([0.4, 0.3, 0.3])).Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FallbackRule(1.5));
    }
}
