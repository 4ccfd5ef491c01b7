using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

public sealed class ProblemSchemaFileTests : IDisposable
{
    private const string Valid = """
        {
          "version": 1,
          "name": "flowers",
          "label": { "column": "species", "classes": [ { "value": "a", "name": "alpha" }, { "value": "b", "name": "beta" } ] },
          "features": [
            { "name": "length", "kind": "numeric", "valid": { "above": 0 }, "missing": "impute" },
            { "name": "colour", "kind": "categorical", "categories": [ "red", "blue" ] },
            { "name": "scented", "kind": "binary" }
          ],
          "ignored": [ "note" ],
          "id": "plant"
        }
        """;

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_embedded_insurance_problem_is_the_repository_file()
    {
        var embedded = ProblemSchema.Insurance;
        var file = ProblemSchemaFile.Load(Path.Combine(RepositoryPaths.Root, "config", "insurance.problem.json"));

        Assert.Equal("insurance", embedded.Name);
        Assert.Equal(file.Features.Select(f => (f.Name, f.Kind, f.Valid)), embedded.Features.Select(f => (f.Name, f.Kind, f.Valid)));
        Assert.Equal("group", embedded.Label.Column);
        Assert.Equal(["high", "medium", "low"], embedded.Label.Classes.Select(c => c.Name));
        Assert.Equal(["0", "1", "2"], embedded.Label.Classes.Select(c => c.Value.Text));
        Assert.Equal(["risk", "group_name"], embedded.Ignored!);
    }

    [Fact]
    public void The_insurance_problem_describes_todays_features_and_spellings()
    {
        var schema = ProblemSchema.Insurance;

        Assert.Equal(Feature.All.Select(f => f.Name), schema.Features.Select(f => f.Name));
        foreach (var feature in Feature.All)
        {
            var kind = schema.Feature(feature.Name).Kind;
            Assert.Equal(feature.Kind == FeatureKind.Categorical ? FeatureType.Binary : FeatureType.Numeric, kind);
        }

        Assert.Same(schema.Feature("emergency_braking"), schema.FindFeature(InsuranceCsvFormat.SeedEmergencyBrakingSpelling));
        Assert.Equal(InsuranceCsvFormat.RiskColumn, schema.Ignored![0]);
        Assert.Equal(InsuranceCsvFormat.GroupNameColumn, schema.Ignored![1]);
        Assert.Equal(InsuranceCsvFormat.GroupColumn, schema.Label.Column);
        Assert.All(schema.Features, f => Assert.Equal(MissingValuePolicy.Reject, f.Missing));
    }

    [Theory]
    [InlineData("age", 0.0, false)]
    [InlineData("age", 0.001, true)]
    [InlineData("braking_distance", 0.0, false)]
    [InlineData("power", -1.0, false)]
    [InlineData("power", 20.0, true)]
    [InlineData("age", 150.0, true)]
    [InlineData("age", 150.5, false)]
    [InlineData("miles", 0.0, true)]
    [InlineData("miles", -0.001, false)]
    public void The_insurance_validity_bounds_are_the_data_quality_rules(string feature, double value, bool possible)
    {
        Assert.Equal(possible, ProblemSchema.Insurance.Feature(feature).IsPossible(value));
        Assert.Equal(!possible, ImpossibleValues.Insurance.Single(r => r.Feature.Name == feature).IsImpossible(value));
    }

    [Fact]
    public void The_impossible_values_read_as_the_rules_the_analysis_names()
    {
        Assert.Equal(["age ≤ 0 or age > 150", "braking_distance ≤ 0 or braking_distance > 1000", "power ≤ 0 or power > 5000", "miles < 0 or miles > 1000"], ImpossibleValues.Insurance.Select(r => r.Description));
    }

    [Fact]
    public void A_valid_file_reads_every_key()
    {
        var schema = ProblemSchemaFile.Load(Write(Valid));

        Assert.Equal("flowers", schema.Name);
        Assert.Equal(MissingValuePolicy.Impute, schema.Feature("length").Missing);
        Assert.Equal(1, schema.Feature("colour").CategoryIndex(ColumnValue.Of("blue")));
        Assert.Equal("plant", schema.Id);
        Assert.True(schema.IsIgnored("NOTE"));
        Assert.Equal(1, schema.Label.ClassIndex(ColumnValue.Of("b")));
    }

    [Fact]
    public void A_written_file_reads_back_the_same()
    {
        var schema = ProblemSchemaFile.Load(Write(Valid));
        var copy = _temp.File("copy.json");

        ProblemSchemaFile.Write(copy, schema);
        var again = ProblemSchemaFile.Load(copy);

        var second = _temp.File("second.json");
        ProblemSchemaFile.Write(second, again);
        Assert.Equal(File.ReadAllText(copy), File.ReadAllText(second));
        Assert.Equal(schema.Feature("colour").Categories, again.Feature("colour").Categories);
        Assert.Equal(schema.Feature("length").Valid, again.Feature("length").Valid);
        Assert.Equal(schema.Features.Count, again.Features.Count);
    }

    [Theory]
    [InlineData("\"id\": \"plant\"", "\"id\": \"plant\", \"colour_map\": 1", "colour_map: unknown key")]
    [InlineData("\"kind\": \"binary\"", "\"kind\": \"binary\", \"units\": \"x\"", "features[2].units: unknown key")]
    [InlineData("\"name\": \"scented\"", "\"name\": \"length\"", "features[2].name: duplicate feature 'length'")]
    [InlineData("\"name\": \"scented\"", "\"name\": \"Species\"", "features[2].name: 'Species' is the label column")]
    [InlineData("\"name\": \"beta\"", "\"name\": \"\"", "label.classes[1].name: a class needs a name")]
    [InlineData("{ \"value\": \"b\", \"name\": \"beta\" }", "{ \"value\": \"b\" }", "label.classes[1]: missing key 'name'")]
    [InlineData("\"version\": 1", "\"version\": 2", "version: 2 is not supported")]
    [InlineData("\"kind\": \"binary\"", "\"kind\": \"boolean\"", "features[2].kind: not a valid value (line 8): use one of numeric, binary, categorical")]
    [InlineData("[ \"red\", \"blue\" ]", "[ \"red\", \"red\" ]", "features[1].categories[1]: duplicate category 'red'")]
    [InlineData("\"valid\": { \"above\": 0 }", "\"valid\": { \"above\": 5, \"below\": 1 }", "features[0].valid: admits no value")]
    [InlineData("\"ignored\": [ \"note\" ]", "\"ignored\": [ \"colour\" ]", "ignored[0]: 'colour' is a feature")]
    [InlineData("\"id\": \"plant\"", "\"id\": \"species\"", "id: 'species' is the label")]
    [InlineData("\"name\": \"flowers\"", "\"name\": \"flowers\", \"name\": \"x\"", "name: key given twice")]
    public void A_bad_file_is_one_line_naming_the_file_and_the_key(string find, string replace, string expected)
    {
        var path = Write(Valid.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<ProblemSchemaException>(() => ProblemSchemaFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("Mlops.Core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_file_names_the_file()
    {
        Assert.Contains("problem file not found", Assert.Throws<ProblemSchemaException>(() => ProblemSchemaFile.Load(_temp.File("none.json"))).Message, StringComparison.Ordinal);
        var broken = Write("{ \"version\": 1, ");
        Assert.StartsWith($"{broken}: ", Assert.Throws<ProblemSchemaException>(() => ProblemSchemaFile.Load(broken)).Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = _temp.File($"problem-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
