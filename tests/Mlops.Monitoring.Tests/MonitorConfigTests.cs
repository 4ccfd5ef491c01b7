using Mlops.Core;
using Mlops.Monitoring.Configuration;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

public sealed class MonitorConfigTests
{
    [Fact]
    public void The_example_config_loads_and_builds_a_monitor()
    {
        var config = MonitorConfig.Load(Path.Combine(RepositoryPaths.Root, "config", "monitor.json"));
        Assert.Equal(1500, config.WindowSize);
        var dataset = config.Datasets["insurance"];
        Assert.Equal(Path.GetFullPath(RepositoryPaths.SeedMonth(0)), dataset.Reference);
        var mapping = dataset.ToColumnMapping();
        Assert.Equal(6, mapping.Features.Count);
        Assert.Equal("prediction", mapping.Prediction?.Name);
        Assert.Equal("wasserstein", mapping.Features.Single(f => f.Name == "braking_distance").Test);
        var monitor = new DriftMonitor(config);
        var reference = monitor.Find("insurance")!.Reference;
        Assert.Equal("prediction", reference.Prediction);
        Assert.Equal("group", reference.PredictionReference);
    }

    [Theory]
    [InlineData("""{"datasets": {}}""", "no datasets configured")]
    [InlineData("""{"window_size": 1, "datasets": {"x": {"reference": "r.csv"}}}""", "window_size")]
    [InlineData("""{"datasets": {"x": {}}}""", "dataset 'x' has no \"reference\"")]
    [InlineData("""{"datasets": {"x": {"reference": "r.csv"}}, "windw": 3}""", "not a valid monitor configuration")]
    [InlineData("""{"datasets": {"x y": {"reference": "r.csv"}}}""", "dataset name 'x y'")]
    public void Bad_configs_are_invalid_input_with_the_reason(string json, string reason)
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("monitor.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidInputException>(() => MonitorConfig.Load(path));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_for_unknown_columns_or_tests_are_rejected()
    {
        var config = MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0));
        var withBadTest = config with
        {
            Datasets = new Dictionary<string, DatasetConfig>
            {
                ["insurance"] = config.Datasets["insurance"] with { Stattests = new Dictionary<string, Core.Drift.ColumnOverride> { ["age"] = new("t-test") } },
            },
        };
        Assert.Contains("unknown drift test 't-test'", Assert.Throws<InvalidInputException>(() => new DriftMonitor(withBadTest)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_of_another_problem_maps_its_own_features_and_refuses_columns_it_does_not_have()
    {
        using var dir = new TemporaryDirectory();
        var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
        var path = dir.File("monitor.json");
        File.WriteAllText(path, $$"""{"datasets": {"iris": {"problem": "{{Path.Combine(iris, "iris.problem.json")}}", "reference": "{{Path.Combine(iris, "iris.csv")}}"} } }""");

        var dataset = MonitorConfig.Load(path).Datasets["iris"];
        var mapping = dataset.ToColumnMapping();
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], mapping.Features.Select(f => f.Name));
        Assert.Equal("species", mapping.Target);

        var narrowed = dataset with { ColumnMapping = new ColumnMappingConfig { CategoricalFeatures = ["PETAL_LENGTH"], Target = "species" } };
        Assert.Equal(["petal_length"], narrowed.ToColumnMapping().Features.Select(f => f.Name));
        var wrong = dataset with { ColumnMapping = new ColumnMappingConfig { NumericalFeatures = ["miles"] } };
        Assert.StartsWith("column_mapping names 'miles', which is not a feature of problem 'iris'", Assert.Throws<InvalidInputException>(() => wrong.ToColumnMapping()).Message, StringComparison.Ordinal);
    }
}
