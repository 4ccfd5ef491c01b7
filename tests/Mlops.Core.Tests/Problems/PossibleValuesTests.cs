using Mlops.Core.Problems;

namespace Mlops.Core.Tests.Problems;

public sealed class PossibleValuesTests
{
    /// <summary>
    /// The words the monitor's 422 quotes for the talk's problem, as they were when a hand-written table
    /// (Core/Data/FeatureValidity) held these bounds and units: the insurance file holds them now.
    /// </summary>
    [Theory]
    [InlineData("age", 0, "must be more than 0 and at most 150 (years), got 0")]
    [InlineData("age", 150.5, "must be more than 0 and at most 150 (years), got 150.5")]
    [InlineData("braking_distance", 1000.1, "must be more than 0 and at most 1000 (m), got 1000.1")]
    [InlineData("power", double.PositiveInfinity, "must be more than 0 and at most 5000 (kW), got Infinity")]
    [InlineData("miles", -3, "must be at least 0 and at most 1000 (thousand miles per year), got -3")]
    [InlineData("training", 2, "must be 0 or 1, got 2")]
    [InlineData("emergency_breaking", 0.5, "must be 0 or 1, got 0.5")]
    public void The_insurance_problem_says_why_a_value_is_impossible_with_its_unit(string feature, double value, string words)
    {
        Assert.Equal(words, PossibleValues.Violation(ProblemSchema.Insurance.Feature(feature), value));
    }

    [Theory]
    [InlineData("age", 150)]
    [InlineData("age", 0.001)]
    [InlineData("miles", 0)]
    [InlineData("power", 5000)]
    [InlineData("training", 1)]
    [InlineData("miles", double.NaN)]
    public void Possible_and_missing_values_pass(string feature, double value)
    {
        Assert.Null(PossibleValues.Violation(ProblemSchema.Insurance.Feature(feature), value));
    }

    [Fact]
    public void Bounds_open_at_one_end_still_refuse_infinity_and_categories_take_their_indices()
    {
        var length = new FeatureDefinition { Name = "sepal_length", Kind = FeatureType.Numeric, Unit = "cm", Valid = new ValidityBounds { Above = 0 } };
        var colour = new FeatureDefinition { Name = "colour", Kind = FeatureType.Categorical, Categories = [ColumnValue.Of("red"), ColumnValue.Of("blue")] };

        Assert.Equal("must be a finite number more than 0 (cm), got Infinity", PossibleValues.Violation(length, double.PositiveInfinity));
        Assert.Equal("must be more than 0 (cm), got -1", PossibleValues.Violation(length, -1));
        Assert.Null(PossibleValues.Violation(colour, 1));
        Assert.Equal("must be one of the 2 categories of 'colour' (its name, or its index 0 to 1), got 2", PossibleValues.Violation(colour, 2));
        Assert.Equal("must be a finite number, got -Infinity", PossibleValues.Violation(new FeatureDefinition { Name = "x", Kind = FeatureType.Numeric }, double.NegativeInfinity));
    }
}
