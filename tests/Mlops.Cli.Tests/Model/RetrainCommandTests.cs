using System.Text.Json;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

/// <summary>
/// <c>mlops retrain</c> with the real CLI and a real registry, both ways, on honest data: the seed's
/// month 12 alone gives a candidate that misses class balance (only 21.6 % of month 12 is high risk);
/// reference + month 12 gives one that meets every invariant and is promoted through the gate.
/// </summary>
public sealed class RetrainCommandTests(TrainedClassifierFixture classifier) : IClassFixture<TrainedClassifierFixture>
{
    [Fact]
    public async Task A_candidate_trained_on_month_12_misses_class_balance_and_production_stays()
    {
        Assert.Equal(0, classifier.Training.ExitCode);
        using var sandbox = new RetrainSandbox(classifier.Directory);
        var result = await sandbox.RunAsync("retrain", "--data", RepositoryPaths.SeedMonth(12), "--out", "candidate-12", "--register", "--promote-if-valid");

        Assert.Equal(1, result.ExitCode);
        var text = Flat(result.StandardOutput);
        Assert.Contains("test_accuracy_min", text, StringComparison.Ordinal);
        Assert.Contains("the candidate misses", text, StringComparison.Ordinal);
        Assert.Contains("class_count_high", text, StringComparison.Ordinal);
        Assert.Contains("back to phase I", text, StringComparison.Ordinal);

        var registry = sandbox.Registry();
        Assert.Equal("v1", sandbox.ProductionVersion());
        var candidate = registry.Get("v2");
        Assert.Equal(ModelStage.Candidate, candidate.Stage);
        Assert.Equal("month-12.csv", candidate.Card.TrainingDataFile);
        var gate = registry.Gate("v2");
        Assert.False(gate.Passed);
        Assert.Contains(gate.FailedChecks, c => c.Name == "class_count_high");

        // Production's failed validation on month 12 is part of its lineage now.
        var lineage = registry.Lineage("v1");
        Assert.Contains(lineage.Validations, v => v.DataFile == "month-12.csv" && !v.Passed);
    }

    [Fact]
    public async Task A_candidate_trained_on_reference_and_month_12_meets_every_invariant_and_is_promoted_through_the_gate()
    {
        using var sandbox = new RetrainSandbox(classifier.Directory);
        var result = await sandbox.RunAsync(
            "retrain", "--data", RepositoryPaths.SeedMonth(12), "--with-reference", RepositoryPaths.SeedMonth(0), "--out", "candidate", "--promote-if-valid", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("candidate_promoted", root.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("production_validation").GetProperty("passed").GetBoolean());
        Assert.True(root.GetProperty("candidate_validation").GetProperty("passed").GetBoolean());
        Assert.Equal(2400, root.GetProperty("training_rows").GetInt32());
        Assert.Equal("v2", root.GetProperty("production_version_after").GetString());

        var registry = sandbox.Registry();
        Assert.Equal("v2", sandbox.ProductionVersion());
        Assert.Equal(ModelStage.Archived, registry.Get("v1").Stage);
        var promoted = registry.Get("v2");
        Assert.Equal("reference+month-12.csv", promoted.Card.TrainingDataFile);
        Assert.NotNull(registry.FindDataset(promoted.Card.TrainingDataSha256));
        Assert.Contains(registry.History(), c => c.Version == "v2" && c.Action == StageAction.Promoted);
    }

    [Fact]
    public async Task When_production_still_meets_its_invariants_nothing_is_trained()
    {
        using var sandbox = new RetrainSandbox(classifier.Directory);
        var result = await sandbox.RunAsync("retrain", "--data", RepositoryPaths.SeedMonth(6), "--out", "candidate", "--promote-if-valid");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("still meets every invariant", Flat(result.StandardOutput), StringComparison.Ordinal);
        Assert.False(Directory.Exists(sandbox.Path("candidate")));
        Assert.Equal("v1", sandbox.ProductionVersion());
        Assert.Single(sandbox.Registry().List());
    }

    [Fact]
    public async Task Dropping_emergency_braking_trains_a_candidate_that_ignores_it_and_misses_accuracy()
    {
        using var sandbox = new RetrainSandbox(classifier.Directory);
        var result = await sandbox.RunAsync("retrain", "--data", RepositoryPaths.SeedMonth(12), "--drop", "emergency_braking", "--out", "no-braking", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("candidate_failed", root.GetProperty("outcome").GetString());
        Assert.Equal("emergency_braking", root.GetProperty("candidate_card").GetProperty("dropped_features")[0].GetString());
        Assert.Contains(root.GetProperty("failed_checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "test_accuracy_min");
        Assert.True(File.Exists(Path.Combine(sandbox.Path("no-braking"), "model.json")));
        Assert.Equal("v1", sandbox.ProductionVersion());
        Assert.Single(sandbox.Registry().List());
    }

    [Fact]
    public async Task Without_a_registry_retrain_is_bad_input()
    {
        using var temp = new TemporaryDirectory("mlops-retrain-none");
        var result = await CliProcess.RunAsync(
            ["retrain", "--data", RepositoryPaths.SeedMonth(12)], temp.Path, new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = temp.File("nothing") });
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mlops: error: no registry at", result.StandardError, StringComparison.Ordinal);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
