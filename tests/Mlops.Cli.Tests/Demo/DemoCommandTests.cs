using System.Globalization;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Demo;

/// <summary>
/// <c>mlops demo</c> end to end, as a user runs it: the story's outcome step by step (from
/// <c>--json</c>), the evidence behind each, and nothing left running afterwards.
/// </summary>
public sealed class DemoCommandTests(ShortDemoFixture demo) : IClassFixture<ShortDemoFixture>
{
    [Fact]
    public void The_story_runs_to_its_end_back_to_phase_I_with_exit_code_0()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        Assert.Equal("back_to_phase_i", demo.Root.GetProperty("ending").GetString());
        string[] expected = ["data", "train", "validate", "promote", "start", "simulate", "drift", "record", "ground_truth", "retrain", "more_data", "report", "stop"];
        Assert.Equal(expected, demo.Root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        string[] outcomes = ["done", "done", "passed", "promoted", "done", "done", "done", "done", "failed", "back_to_phase_i", "promoted", "done", "done"];
        Assert.Equal(outcomes, demo.Root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.Contains("back to phase I", demo.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_II_trains_validates_and_promotes_the_first_model_through_the_gate()
    {
        Assert.True(demo.Root.GetProperty("validation").GetProperty("passed").GetBoolean());
        Assert.Equal("v1", demo.Root.GetProperty("production_version").GetString());
        Assert.InRange(demo.Root.GetProperty("model").GetProperty("test_accuracy").GetDouble(), 0.85, 0.95);
        Assert.Contains("PASSED: all 11 invariants hold", demo.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_month_goes_through_the_service_and_the_monitor_reports_its_drift()
    {
        var months = demo.Root.GetProperty("simulation").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 13), months.Select(m => m.GetProperty("month").GetInt32()));
        foreach (var month in months)
        {
            Assert.Equal(1500, month.GetProperty("sent").GetInt32());
            Assert.Equal(1500, month.GetProperty("answered").GetInt32() + month.GetProperty("rejected").GetInt32());
            Assert.Equal(0, month.GetProperty("failed").GetInt32());
            Assert.True(month.TryGetProperty("drift", out _), $"month {month.GetProperty("month")} has no drift report");
        }

        // Negative miles (impossible) are refused by the service, not answered: the seed has them from month 4.
        Assert.True(months.Sum(m => m.GetProperty("rejected").GetInt32()) > 0);
        Assert.True(months[^1].GetProperty("fallback_rate").GetDouble() > 0);
    }

    [Fact]
    public void The_drift_summary_names_miles_first_in_month_2_and_dataset_drift_from_month_11()
    {
        var drift = demo.Root.GetProperty("drift");
        Assert.Equal(13, drift.GetProperty("months_with_report").GetInt32());
        var first = drift.GetProperty("columns")[0];
        Assert.Equal("miles", first.GetProperty("column").GetString());
        Assert.Equal(2, first.GetProperty("first_month").GetInt32());
        Assert.Equal(11, drift.GetProperty("first_dataset_drift").GetInt32());
        var braking = drift.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "emergency_braking");
        Assert.Equal(10, braking.GetProperty("first_month").GetInt32());
        Assert.Contains("miles first (month 2)", demo.Step("drift").GetProperty("key").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_late_labels_of_month_12_show_the_accuracy_drop_and_the_retrained_candidate_misses_class_balance()
    {
        Assert.Equal(12, demo.Root.GetProperty("labeled_month").GetInt32());
        var groundTruth = demo.Root.GetProperty("ground_truth");
        Assert.Equal("month-12.csv", groundTruth.GetProperty("data_file").GetString());
        Assert.False(groundTruth.GetProperty("passed").GetBoolean());
        Assert.True(groundTruth.GetProperty("accuracy").GetProperty("test").GetDouble() < 0.85);
        Assert.Contains(Failed(groundTruth), n => n == "test_accuracy_min");
        Assert.Contains("drop 0.0", demo.Step("ground_truth").GetProperty("key").GetString(), StringComparison.Ordinal);

        // The estimate without labels did not see it coming: the seed's drift is concept drift.
        Assert.True(demo.Root.GetProperty("estimated_accuracy").GetDouble() > 0.85);

        var retraining = demo.Root.GetProperty("retraining");
        Assert.Equal("candidate_failed", retraining.GetProperty("outcome").GetString());
        Assert.Contains(retraining.GetProperty("failed_checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "class_count_high");
        Assert.Equal("v1", retraining.GetProperty("production_version_after").GetString());
    }

    [Fact]
    public async Task The_record_gives_month_12_what_the_service_answered_and_the_model_alone_as_the_offline_analysis_against_the_estimate()
    {
        var record = demo.Root.GetProperty("record");
        Assert.Equal(12, record.GetProperty("month").GetInt32());

        // Independently: which month-12 customers the service answered (the log's keys), the model scoring them from the month file.
        var month = ProblemCsvReader.ReadFile(Path.Combine(RepositoryPaths.SeedData, "month-12.csv"), ProblemSchema.Insurance, requireLabels: true);
        await using var log = SqlitePredictionLog.Open(Path.Combine(demo.Workdir, "home", "predictions.db"));
        var answered = new List<int>();
        for (var after = 0L; await log.ReadAfterAsync(after, 10_000) is { Count: > 0 } page; after = page[^1].Id)
        {
            answered.AddRange(page.Where(r => r.RequestId?.StartsWith("m12-", StringComparison.Ordinal) == true).Select(r => int.Parse(r.RequestId!["m12-".Length..], CultureInfo.InvariantCulture) - 1));
        }

        using var model = ModelDirectory.Load(Path.Combine(demo.Workdir, "models", "classifier"));
        var vector = new double[month.Schema.Features.Count];
        var right = 0;
        foreach (var i in answered)
        {
            month.CopyRow(i, vector);
            right += model.Classifier.Predict(vector).Class == month.Labels[i] ? 1 : 0;
        }

        var modelAccuracy = right / (double)answered.Count;
        Assert.Equal(answered.Count, record.GetProperty("labeled").GetInt32());
        Assert.Equal(modelAccuracy, record.GetProperty("model_accuracy").GetDouble(), 12);

        // The talk's figures: the model alone 0.80 as the offline analysis says, the estimate 0.90; the service (with its fallback) differs, and the narration says why.
        Assert.Equal("0.80", record.GetProperty("model_accuracy").GetDouble().ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal("0.80", record.GetProperty("analysis_accuracy").GetDouble().ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal("0.90", record.GetProperty("estimated_accuracy").GetDouble().ToString("0.00", CultureInfo.InvariantCulture));
        Assert.NotEqual(record.GetProperty("model_accuracy").GetDouble(), record.GetProperty("realised_accuracy").GetDouble(), 6);
        Assert.Contains("the two realised figures differ because the fallback answered", demo.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_on_reference_and_month_12_passes_the_gate_and_the_running_service_reloads_it()
    {
        var more = demo.Root.GetProperty("more_data");
        Assert.Equal("candidate_promoted", more.GetProperty("outcome").GetString());
        Assert.True(more.GetProperty("candidate_validation").GetProperty("passed").GetBoolean());
        Assert.Equal("v3", more.GetProperty("production_version_after").GetString());
        Assert.Contains("the running service now answers with v3", demo.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_written_and_its_path_printed()
    {
        var report = demo.Root.GetProperty("report").GetString()!;
        Assert.Equal(Path.Combine(demo.Workdir, "report.html"), report);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(report), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(report, demo.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_it_started_is_left_running_and_the_users_registry_is_untouched()
    {
        var processes = demo.Root.GetProperty("processes").EnumerateArray().ToList();
        Assert.Equal(["monitor", "service"], processes.Select(p => p.GetProperty("name").GetString()));
        Assert.Empty(demo.LeftRunning);

        Assert.False(demo.Root.GetProperty("kept_running").GetBoolean());
        Assert.False(File.Exists(Path.Combine(demo.Workdir, "home", "run", "stack.json")));
        Assert.False(Directory.Exists(demo.UserHome));
        Assert.Equal(Path.Combine(demo.Workdir, "home"), demo.Root.GetProperty("mlops_home").GetString());
    }

    private static IEnumerable<string?> Failed(System.Text.Json.JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("name").GetString());
}
