using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Validation;

namespace Mlops.Core.Tests.Validation;

public sealed class InvariantChecksTests
{
    private static readonly InvariantSpec Spec = InvariantSpec.Default;

    /// <summary>n predictions: the given counts per class, each with the given top probability.</summary>
    private static ClassPrediction[] Predictions(int high, int medium, int low, double certainty = 0.9)
    {
        ClassPrediction Make(int @class)
        {
            var p = new double[3];
            Array.Fill(p, (1 - certainty) / 2);
            p[@class] = certainty;
            return new ClassPrediction(@class, p);
        }

        return [.. Enumerable.Repeat(0, high).Concat(Enumerable.Repeat(1, medium)).Concat(Enumerable.Repeat(2, low)).Select(Make)];
    }

    /// <summary>The insurance problem's checks (classes high, medium, low) with n/3 balance.</summary>
    private static IReadOnlyList<InvariantCheck> Evaluate(InvariantSpec spec, AccuracySummary accuracy, IReadOnlyList<ClassPrediction> predictions) =>
        InvariantChecks.Evaluate(spec, accuracy, predictions, ProblemSchema.Insurance, null);

    private static InvariantCheck Check(IReadOnlyList<InvariantCheck> checks, string name) => checks.Single(c => c.Name == name);

    [Fact]
    public void Every_check_of_the_talk_is_there_once()
    {
        var checks = Evaluate(Spec, new AccuracySummary(0.9, 0.9, 0.9), [.. Predictions(100, 100, 100), ClassPrediction.Certain(2, 3)]);

        Assert.Equal(
            ["train_accuracy_min", "test_accuracy_min", "train_accuracy_max", "test_accuracy_max", "train_test_gap",
             "class_count_high", "class_count_medium", "class_count_low", "certainty_min", "certainty_mean", "certainty_max"],
            checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Name));
        Assert.All(checks, c => Assert.True(c.Margin >= 0, c.Name));
    }

    [Fact]
    public void Bounds_are_strict_as_in_the_talk()
    {
        var checks = Evaluate(Spec, new AccuracySummary(0.85, 0.95, 0.9), Predictions(100, 100, 100, certainty: 0.99));

        Assert.False(Check(checks, "train_accuracy_min").Passed);
        Assert.False(Check(checks, "test_accuracy_max").Passed);
        Assert.False(Check(checks, "certainty_max").Passed);
        Assert.Equal(0.1, Check(checks, "train_test_gap").Measured, 12);
        Assert.False(Check(checks, "train_test_gap").Passed);
        Assert.Equal(-0.05, Check(checks, "train_test_gap").Margin!.Value, 12);
    }

    [Fact]
    public void Class_counts_may_deviate_by_a_fifth_of_n_over_3_and_no_more()
    {
        // n = 300: 100 ± 20 is allowed.
        var atTheEdge = Evaluate(Spec, new AccuracySummary(0.9, 0.9, 0.9), Predictions(120, 100, 80));
        var beyond = Evaluate(Spec, new AccuracySummary(0.9, 0.9, 0.9), Predictions(121, 100, 79));

        Assert.True(Check(atTheEdge, "class_count_high").Passed);
        Assert.True(Check(atTheEdge, "class_count_low").Passed);
        Assert.Equal("80 .. 120", Check(atTheEdge, "class_count_high").Bound);
        Assert.False(Check(beyond, "class_count_high").Passed);
        Assert.Equal(121, Check(beyond, "class_count_high").Measured);
        Assert.Equal(-1, Check(beyond, "class_count_high").Margin!.Value, 9);
        Assert.False(Check(beyond, "class_count_low").Passed);
    }

    [Fact]
    public void A_shortfall_is_measured_as_a_negative_margin()
    {
        var checks = Evaluate(Spec, new AccuracySummary(0.80, 0.78, 0.8), Predictions(100, 100, 100, certainty: 0.6));

        Assert.Equal(-0.07, Check(checks, "test_accuracy_min").Margin!.Value, 12);
        Assert.Equal("> 0.85", Check(checks, "test_accuracy_min").Bound);
        Assert.False(Check(checks, "certainty_mean").Passed);
        Assert.Equal(-0.1, Check(checks, "certainty_mean").Margin!.Value, 12);
    }
}
