using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

/// <summary>A problem file's <c>examples</c> (the client page's presets): checked against the features like every other key.</summary>
public sealed class ProblemExampleTests : IDisposable
{
    private const string Valid = """
        {
          "version": 1,
          "name": "flowers",
          "label": { "column": "species", "classes": [ { "value": "a", "name": "alpha" }, { "value": "b", "name": "beta" } ] },
          "features": [
            { "name": "length", "unit": "cm", "kind": "numeric", "valid": { "above": 0, "at_most": 100 }, "aliases": [ "len" ] },
            { "name": "colour", "kind": "categorical", "categories": [ "red", 7 ] },
            { "name": "scented", "kind": "binary" },
            { "name": "height", "kind": "numeric", "missing": "impute" }
          ],
          "examples": [
            { "name": "a red one", "values": { "length": 12.5, "colour": "red", "scented": 1, "height": null } },
            { "name": "number seven", "description": "a category written as a number", "values": { "length": 3, "colour": 7, "scented": 0, "height": 4 } }
          ]
        }
        """;

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Examples_are_read_with_their_values_by_feature_name()
    {
        var schema = ProblemSchemaFile.Load(Write(Valid));

        Assert.Equal(["a red one", "number seven"], schema.Examples!.Select(e => e.Name));
        Assert.Equal(12.5, schema.Examples![0].Values["length"].GetDouble());
        Assert.Equal("red", schema.Examples![0].Values["colour"].GetString());
        Assert.Equal("a category written as a number", schema.Examples![1].Description);
    }

    [Fact]
    public void The_insurance_problem_has_the_talks_three_presets()
    {
        var examples = ProblemSchema.Insurance.Examples!;

        Assert.Equal(["the talk's customer", "power 20", "young, 180 kW"], examples.Select(e => e.Name));
        Assert.Equal(20, examples[1].Values["power"].GetDouble());
        Assert.All(examples, e => Assert.Equal(ProblemSchema.Insurance.Features.Select(f => f.Name).Order(), e.Values.Keys.Order()));
    }

    [Theory]
    [InlineData("\"height\": 4 }", "\"height\": 4, \"width\": 2 }", "examples[1].values.width: no feature 'width' in this problem")]
    [InlineData("{ \"length\": 3,", "{ \"len\": 3,", "examples[1].values.len: name the feature as the problem does, 'length'")]
    [InlineData("\"length\": 12.5", "\"length\": \"long\"", "examples[0].values.length: 'length' is numeric, got 'long'")]
    [InlineData("\"length\": 12.5", "\"length\": -1", "examples[0].values.length: -1 is impossible: 'length' must be > 0 and ≤ 100 (cm)")]
    [InlineData("\"length\": 12.5", "\"length\": null", "examples[0].values.length: 'length' may not be missing")]
    [InlineData("\"scented\": 1", "\"scented\": 2", "examples[0].values.scented: a binary feature is 0 or 1, got 2")]
    [InlineData("\"scented\": 1", "\"scented\": true", "examples[0].values.scented: a binary feature is 0 or 1, got true")]
    [InlineData("\"colour\": \"red\"", "\"colour\": \"blue\"", "examples[0].values.colour: 'blue' is not a category of 'colour'")]
    [InlineData("\"colour\": 7", "\"colour\": [7]", "examples[1].values.colour: an array is not a category of 'colour'")]
    [InlineData(", \"height\": 4 }", " }", "examples[1].values: no value for feature 'height'")]
    [InlineData("\"name\": \"number seven\"", "\"name\": \"A red one\"", "examples[1].name: duplicate example 'A red one'")]
    [InlineData("\"name\": \"number seven\"", "\"name\": \" \"", "examples[1].name: an example needs a name")]
    [InlineData("\"name\": \"number seven\",", "\"label\": \"x\",", "examples[1].label: unknown key")]
    public void A_bad_example_is_one_line_naming_the_file_and_the_key(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var path = Write(Valid.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<ProblemSchemaException>(() => ProblemSchemaFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Write(string json)
    {
        var path = _temp.File($"problem-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
