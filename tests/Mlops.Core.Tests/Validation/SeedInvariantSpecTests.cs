using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Core.Tests.Validation;

/// <summary>
/// <c>config/invariants.seed.json</c>: exactly the seed's <c>validate.py</c> — no upper accuracy bound, and
/// each class count in Python's <c>range(int(n/3*0.85), int(n/3*1.15))</c>: truncated ends, the upper excluded.
/// </summary>
public sealed class SeedInvariantSpecTests
{
    private static readonly InvariantSpec Seed = InvariantSpec.LoadFile(Path.Combine(RepositoryPaths.Root, "config", "invariants.seed.json"));

    [Fact]
    public void The_seed_file_holds_the_seeds_bounds()
    {
        Assert.Equal(0.85, Seed.AccuracyMin);
        Assert.Null(Seed.AccuracyMax);
        Assert.Equal(0.05, Seed.TrainTestGapMax);
        Assert.Equal(0.15, Seed.ClassCountTolerance);
        Assert.Equal(ClassCountBounds.PythonRange, Seed.ClassCountBounds);
        Assert.Equal((0.4, 0.7, 0.99), (Seed.CertaintyMinAbove, Seed.CertaintyMeanAbove, Seed.CertaintyMaxAbove));
        Assert.Equal(ClassCountBounds.Band, InvariantSpec.Default.ClassCountBounds);
    }

    [Theory]
    // n = 1,500: range(425, 575) — 574 is in, 575 (= n/3·1.15 exactly) is not; 425 is in, 424 is not.
    [InlineData(1500, 574, true)]
    [InlineData(1500, 575, false)]
    [InlineData(1500, 425, true)]
    [InlineData(1500, 424, false)]
    // n = 1,200: n/3·1.15 is 459.99999999999994 in doubles, int() makes 459, excluded: 458 is the last.
    [InlineData(1200, 458, true)]
    [InlineData(1200, 459, false)]
    // n = 1,000: int(283.33) = 283 is in (the real-valued band would start at 283.33, refusing 283).
    [InlineData(1000, 283, true)]
    [InlineData(1000, 282, false)]
    [InlineData(1000, 382, true)]
    [InlineData(1000, 383, false)]
    public void A_class_count_is_in_pythons_range_with_the_upper_end_excluded(int n, int count, bool passes)
    {
        var check = InvariantChecks.ClassCount(Seed, "high", 1.0 / 3, count, n);

        Assert.Equal(passes, check.Passed);
        Assert.Equal(passes, check.Margin >= 0);
    }

    [Fact]
    public void The_same_tolerance_as_a_band_includes_both_real_valued_ends()
    {
        var band = Seed with { ClassCountBounds = ClassCountBounds.Band };

        Assert.True(InvariantChecks.ClassCount(band, "high", 1.0 / 3, 575, 1500).Passed);
        Assert.False(InvariantChecks.ClassCount(band, "high", 1.0 / 3, 283, 1000).Passed);
    }

    [Fact]
    public void Our_model_on_the_seeds_reference_578_high_and_418_low_fails_the_seeds_class_balance()
    {
        var high = InvariantChecks.ClassCount(Seed, "high", 1.0 / 3, 578, 1500);
        var low = InvariantChecks.ClassCount(Seed, "low", 1.0 / 3, 418, 1500);

        Assert.Equal("425 .. 574", high.Bound);
        Assert.False(high.Passed);
        Assert.Equal(-4.0, high.Margin!.Value);
        Assert.False(low.Passed);
        Assert.Equal(-7.0, low.Margin!.Value);
    }

    [Fact]
    public void Without_an_upper_accuracy_bound_there_is_no_such_check_and_near_perfect_accuracy_passes()
    {
        ClassPrediction[] predictions = [.. Enumerable.Range(0, 300).Select(i => ClassPrediction.Certain(i % 3, 3))];

        var checks = InvariantChecks.Evaluate(Seed, new AccuracySummary(0.99, 0.98, 0.6), predictions, ProblemSchema.Insurance, null);

        Assert.Equal(
            ["train_accuracy_min", "test_accuracy_min", "train_test_gap", "class_count_high", "class_count_medium", "class_count_low",
             "certainty_min", "certainty_mean", "certainty_max"],
            checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Name));
        Assert.Contains(InvariantChecks.Evaluate(InvariantSpec.Default, new AccuracySummary(0.99, 0.98, 0.6), predictions, ProblemSchema.Insurance, null), c => c.Name == "test_accuracy_max" && !c.Passed);
    }
}
