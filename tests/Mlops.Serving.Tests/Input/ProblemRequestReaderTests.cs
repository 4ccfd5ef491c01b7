using System.Buffers;
using System.Text;
using Mlops.Core.Problems;
using Mlops.Serving.Input;

namespace Mlops.Serving.Tests.Input;

/// <summary>The request reader driven by a problem that is not the talk's: every kind, aliases, categories, bounds and missing values.</summary>
public sealed class ProblemRequestReaderTests
{
    /// <summary>A made-up clinic problem: one feature of each kind, one alias, one imputed feature.</summary>
    private static readonly ProblemSchema Clinic = TestProblems.Of(
        "clinic",
        ["healthy", "sick"],
        new FeatureDefinition { Name = "weight", Kind = FeatureType.Numeric, Valid = new ValidityBounds { Above = 0, AtMost = 500 }, Aliases = ["mass"] },
        new FeatureDefinition { Name = "smoker", Kind = FeatureType.Binary },
        new FeatureDefinition { Name = "species", Kind = FeatureType.Categorical, Categories = [ColumnValue.Of("cat"), ColumnValue.Of("dog")] },
        new FeatureDefinition { Name = "ward", Kind = FeatureType.Categorical, Categories = [ColumnValue.Of(3), ColumnValue.Of(7)] },
        new FeatureDefinition { Name = "pulse", Kind = FeatureType.Numeric, Missing = MissingValuePolicy.Impute });

    private static readonly PredictionRequestReader Reader = new(Clinic);

    [Fact]
    public void Reads_every_kind_into_the_problems_vector()
    {
        var features = Ok("""{"pulse":80,"ward":7,"species":"dog","smoker":true,"weight":4.5}""");
        Assert.Equal([4.5, 1, 1, 1, 80], features);
    }

    [Theory]
    [InlineData("""{"mass":4.5,"smoker":0,"species":" cat ","ward":"3","pulse":null}""")]
    [InlineData("""{"weight":"4.5","smoker":"false","species":"cat","ward":3.0}""")]
    public void Reads_aliases_categories_as_text_or_numbers_and_imputes_a_missing_value(string json)
    {
        var features = Ok(json);
        Assert.Equal([4.5, 0, 0, 0], features[..4]);
        Assert.True(double.IsNaN(features[4]), "a missing imputed value is NaN for the classifier");
    }

    [Fact]
    public void A_missing_value_becomes_the_cards_imputed_value_when_it_has_one()
    {
        var reader = new PredictionRequestReader(Clinic, [double.NaN, double.NaN, double.NaN, double.NaN, 72.5]);
        var result = reader.ReadOne(Body("""{"weight":4.5,"smoker":0,"species":"cat","ward":3}"""));
        Assert.Equal(72.5, result.Value!.Features[4]);
    }

    [Theory]
    [InlineData("""{"weight":4.5,"smoker":0,"species":"cow","ward":3}""", "species", InputErrorKind.InvalidValue, "field 'species' must be one of 'cat', 'dog', got 'cow'")]
    [InlineData("""{"weight":4.5,"smoker":0,"species":"cat","ward":4}""", "ward", InputErrorKind.InvalidValue, "field 'ward' must be one of '3', '7', got '4'")]
    [InlineData("""{"weight":4.5,"smoker":0,"species":"cat","ward":3.5}""", "ward", InputErrorKind.InvalidValue, "field 'ward' must be one of '3', '7', got '3.5'")]
    [InlineData("""{"weight":4.5,"smoker":0,"species":["cat"],"ward":3}""", "species", InputErrorKind.WrongType, "field 'species' must be one of 'cat', 'dog', got an array")]
    [InlineData("""{"weight":0,"smoker":0,"species":"cat","ward":3}""", "weight", InputErrorKind.InvalidValue, "field 'weight' must be more than 0 and at most 500, got 0")]
    [InlineData("""{"mass":501,"smoker":0,"species":"cat","ward":3}""", "weight", InputErrorKind.InvalidValue, "field 'weight' must be more than 0 and at most 500, got 501")]
    [InlineData("""{"weight":4.5,"species":"cat","ward":3}""", "smoker", InputErrorKind.MissingField, "field 'smoker' is missing")]
    [InlineData("""{"weight":4.5,"smoker":0,"species":null,"ward":3}""", "species", InputErrorKind.WrongType, "field 'species' must be one of 'cat', 'dog', got null")]
    [InlineData("""{"weight":4.5,"mass":4.5,"smoker":0,"species":"cat","ward":3}""", "weight", InputErrorKind.DuplicateField, "field 'weight' is given twice")]
    public void A_bad_value_is_named_with_what_the_problem_allows(string json, string field, InputErrorKind kind, string message)
    {
        var result = Reader.ReadOne(Body(json));
        Assert.Null(result.Value);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(422, kind.StatusCode());
        Assert.Equal(field, result.Error.Field);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void An_empty_body_asks_for_the_problems_features()
    {
        Assert.Equal("the request body is empty: send a JSON object with the five features", Reader.ReadOne(Body(" ")).Error!.Message);
        Assert.Equal("the request body is empty: send a JSON object with the six features", new PredictionRequestReader(ProblemSchema.Insurance).ReadOne(Body("")).Error!.Message);
    }

    private static double[] Ok(string json)
    {
        var result = Reader.ReadOne(Body(json));
        Assert.True(result.Error is null, result.Error?.Message);
        return result.Value!.Features;
    }

    private static ReadOnlySequence<byte> Body(string json) => new(Encoding.UTF8.GetBytes(json));
}
