using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

public sealed class RuleModelTests
{
    private static readonly RuleModel InsuranceRules = RuleModel.For(ProblemSchema.Insurance);

    /// <summary>The talk's rule model as the talk states it, the oracle for the rules in the problem file (class indices: high, medium, low).</summary>
    private static int TalkRules(bool training, double age, bool braking, double power, double miles)
    {
        const int high = 0, medium = 1, low = 2;
        if (training)
        {
            return low;
        }

        if (age < 30)
        {
            return power > 130 ? high : medium;
        }

        if (age > 50)
        {
            return high;
        }

        if (braking)
        {
            return low;
        }

        return miles > 50 ? high : miles > 30 ? medium : low;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(36)]
    public void The_insurance_rules_from_the_file_answer_as_the_talks_rules_on_every_seed_row(int month)
    {
        var data = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(month), ProblemSchema.Insurance);
        var vector = new double[data.Schema.Features.Count];

        for (var r = 0; r < data.RowCount; r++)
        {
            data.CopyRow(r, vector);
            var expected = TalkRules(data.Feature("training")[r] == 1, data.Feature("age")[r], data.Feature("emergency_braking")[r] == 1, data.Feature("power")[r], data.Feature("miles")[r]);
            Assert.Equal(expected, InsuranceRules.Classify(vector));
        }
    }

    [Fact]
    public void The_boundaries_are_the_talks()
    {
        foreach (var (age, power, miles) in new[] { (30.0, 131.0, 30.0), (29.999, 130.0, 0.0), (29.999, 130.001, 0.0), (50.0, 100.0, 50.0), (50.001, 100.0, 0.0), (40.0, 100.0, 30.001), (40.0, 100.0, 50.001) })
        {
            var customer = InsuranceVectors.Customer(false, age, false, 40, power, miles);
            Assert.Equal(TalkRules(false, age, false, power, miles), InsuranceRules.Classify(customer));
        }
    }

    [Fact]
    public void Without_rules_the_most_frequent_training_class_answers_and_missing_values_match_no_condition()
    {
        var schema = ProblemSchemaFile.Parse(
            new MemoryStream("""
                {
                  "version": 1, "name": "p",
                  "label": { "column": "y", "classes": [ { "value": 0, "name": "a" }, { "value": 1, "name": "b" }, { "value": 2, "name": "c" } ] },
                  "features": [ { "name": "x", "kind": "numeric", "missing": "impute" }, { "name": "k", "kind": "categorical", "categories": [ "u", "v" ] } ],
                  "fallback": { "rules": [ { "when": { "x": { "at_least": 1, "below": 2 } }, "then": "a" }, { "when": { "k": { "equals": "v" } }, "then": "b" } ] }
                }
                """u8.ToArray()),
            "p.json");
        var mostFrequent = RuleModel.MostFrequent([2, 2, 1, 0, 2], 3);

        var rules = RuleModel.For(schema, mostFrequent);

        Assert.Equal(2, mostFrequent);
        Assert.Equal(0, rules.Classify([1, 0]));
        Assert.Equal(1, rules.Classify([2, 1]));
        Assert.Equal(2, rules.Classify([2, 0]));
        Assert.Equal(2, rules.Classify([double.NaN, 0]));
        Assert.Throws<InvalidOperationException>(() => RuleModel.For(schema));
    }

    [Theory]
    [InlineData("\"then\": \"a\"", "\"then\": \"z\"", "fallback.rules[0].then: 'z' is not a class (classes: a, b)")]
    [InlineData("\"x\": { \"above\": 1 }", "\"w\": { \"above\": 1 }", "fallback.rules[0].when.w: no feature 'w'")]
    [InlineData("\"x\": { \"above\": 1 }", "\"k\": { \"above\": 1 }", "fallback.rules[0].when.k: 'k' is categorical; use equals")]
    [InlineData("\"x\": { \"above\": 1 }", "\"k\": { \"equals\": \"w\" }", "fallback.rules[0].when.k: equals: 'w' is not a category of 'k'")]
    [InlineData("\"x\": { \"above\": 1 }", "\"x\": { \"lower\": 1 }", "fallback.rules[0].when.x.lower: unknown key")]
    public void Bad_rules_name_the_key(string find, string replace, string expected)
    {
        var json = """
            {
              "version": 1, "name": "p",
              "label": { "column": "y", "classes": [ { "value": 0, "name": "a" }, { "value": 1, "name": "b" } ] },
              "features": [ { "name": "x", "kind": "numeric" }, { "name": "k", "kind": "categorical", "categories": [ "u", "v" ] } ],
              "fallback": { "rules": [ { "when": { "x": { "above": 1 } }, "then": "a" } ] }
            }
            """.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<ProblemSchemaException>(() => ProblemSchemaFile.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "p.json"));

        Assert.Contains($"p.json: {expected}", error.Message, StringComparison.Ordinal);
    }
}
