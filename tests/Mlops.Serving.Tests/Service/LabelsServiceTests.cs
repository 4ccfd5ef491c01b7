using System.Globalization;
using System.Net;
using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary><c>POST /labels</c>: late labels for answered predictions, stored next to the log; a bad row refuses the whole request.</summary>
public sealed class LabelsServiceTests
{
    [Fact]
    public async Task Labels_for_answered_predictions_are_stored_and_a_bad_row_stores_nothing()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync();
        var bodies = TrainedModels.ReferenceRows.Take(3).Select(r => ServiceSandbox.Body(r.Features)).ToArray();
        var ids = (await ServiceSandbox.PostAsync(service.Http, "predict/batch", $"[{string.Join(",", bodies)}]")).Json.EnumerateArray()
            .Select(a => a.GetProperty("prediction_id").GetString()!).ToArray();

        var bad = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"prediction_id":"{{ids[1]}}","label":"very high"}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal(1, bad.Json.GetProperty("row").GetInt32());
        Assert.Equal("label", bad.Json.GetProperty("field").GetString());
        var mixed = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"request_id":"c1","label":1}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.Status);
        Assert.Equal("request_id", mixed.Json.GetProperty("field").GetString());

        // A lone surrogate escape is valid JSON but no text, and invalid UTF-8 is no JSON: 400, not 500.
        var surrogate = await ServiceSandbox.PostAsync(service.Http, "labels", """[{"request_id":"\ud800","label":1}]""");
        Assert.True(surrogate.Status == HttpStatusCode.BadRequest, surrogate.ToString());
        byte[] notUtf8 = [.. "[{\"request_id\":\"c"u8, 0xFF, .. "\",\"label\":1}]"u8];
        using var notUtf8Content = new ByteArrayContent(notUtf8);
        notUtf8Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var notUtf8Answer = await service.Http.PostAsync("labels", notUtf8Content);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8Answer.StatusCode);

        var good = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"prediction_id":"{{ids[1]}}","label":"low"},{"prediction_id":"{{Guid.CreateVersion7()}}","label":1}]""");
        Assert.True(good.Status == HttpStatusCode.OK, good.ToString());
        Assert.Equal(2, good.Json.GetProperty("stored").GetInt32());
        Assert.Equal(1, good.Json.GetProperty("unknown").GetInt32());

        Assert.Equal(0, await service.StopAsync());
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        var labels = await log.Labels.ReadAllAsync();
        Assert.Equal(new Dictionary<Guid, int> { [Guid.Parse(ids[0])] = (int)RiskGroup.High, [Guid.Parse(ids[1])] = (int)RiskGroup.Low }, labels);
    }

    [Fact]
    public async Task Performance_from_the_record_equals_the_accuracy_of_the_answers_against_their_labels_and_the_monitor_agrees()
    {
        using var sandbox = new ServiceSandbox();
        var modelFolder = await TrainedModels.First();
        sandbox.Promote(sandbox.Register(modelFolder));
        await using var service = await sandbox.StartAsync();

        // Month 36 of the seed: the model is often wrong and the fallback answers many (out-of-range) customers.
        var month = Mlops.Core.Data.InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(36)).Records.Where(r => r.Features.Miles >= 0).Take(400).ToArray();

        // A monitor following the service's log and its labels, estimating the model's accuracy on a window of exactly these rows.
        await using var monitor = await ServiceProcess.StartMonitorAsync(
            "--reference", RepositoryPaths.SeedMonth(0), "--interval", "3600", "--window", month.Length.ToString(CultureInfo.InvariantCulture),
            "--prediction-log", "sqlite:" + sandbox.PredictionLogPath, "--model", modelFolder);

        var body = "[" + string.Join(",", month.Select((r, i) => ServiceSandbox.Body(r.Features).Replace("{", $"{{\"request_id\":\"m36-{i}\",", StringComparison.Ordinal))) + "]";
        var answers = (await ServiceSandbox.PostAsync(service.Http, "predict/batch", body)).Json.EnumerateArray().ToArray();

        // Labels for three of every four customers, by the client's key.
        var labeled = Enumerable.Range(0, month.Length).Where(i => i % 4 != 0).ToArray();
        var labels = "[" + string.Join(",", labeled.Select(i => $$"""{"request_id":"m36-{{i}}","label":{{(int)month[i].Group!.Value}}}""")) + "]";
        var posted = await ServiceSandbox.PostAsync(service.Http, "labels", labels);
        Assert.True(posted.Status == HttpStatusCode.OK, posted.ToString());
        Assert.Equal(labeled.Length, posted.Json.GetProperty("stored").GetInt32());

        // Independently: the answers the client received against the truth of the labeled rows, and the model's own answers (loaded here, from the month file, not the log).
        bool Right(int i) => answers[i].GetProperty("category").GetInt32() == (int)month[i].Group!.Value;
        var realised = labeled.Count(Right) / (double)labeled.Length;
        var byModel = labeled.Where(i => answers[i].GetProperty("source").GetString() == "ML").ToArray();
        var modelOnly = byModel.Count(Right) / (double)byModel.Length;
        Assert.True(byModel.Length < labeled.Length, "the fallback answered none: the test would not tell model and service apart");
        using var model = ModelDirectory.Load(modelFolder);
        var scored = labeled.Count(i => model.Classifier.Predict(TalkCustomers.Vector(month[i].Features)).Class == (int?)month[i].Group) / (double)labeled.Length;
        Assert.NotEqual(realised, scored, 6);

        var run = await CliProcess.RunAsync(
            ["performance", "--by", "day", "--json", "--model", modelFolder, "--reference", RepositoryPaths.SeedMonth(0)],
            workingDirectory: null,
            environment: new Dictionary<string, string> { ["MLOPS_HOME"] = sandbox.Home });
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var period = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(month.Length, period.GetProperty("predictions").GetInt32());
        Assert.Equal(labeled.Length, period.GetProperty("labeled").GetInt32());
        Assert.Equal(realised, period.GetProperty("realised_accuracy").GetDouble(), 12);
        Assert.Equal(modelOnly, period.GetProperty("model_accuracy").GetDouble(), 12);
        Assert.Equal(byModel.Length, period.GetProperty("model_labeled").GetInt32());
        Assert.Equal(scored, period.GetProperty("scored_accuracy").GetDouble(), 12);
        var high = period.GetProperty("classes")[0];
        var predictedHigh = labeled.Where(i => answers[i].GetProperty("category").GetInt32() == 0).ToArray();
        Assert.Equal(predictedHigh.Count(Right) / (double)predictedHigh.Length, high.GetProperty("precision").GetDouble(), 12);
        var estimated = period.GetProperty("estimated_accuracy").GetDouble();
        Assert.InRange(estimated, 0.5, 1);

        // The monitor: the same realised accuracy for the month, every label counted, and the same estimate of the same rows.
        var metrics = await MonitorMetricsAsync(monitor, m => m.ContainsKey("mlops_labels_received_total") && m.ContainsKey("mlops_performance_estimated"));
        Assert.Equal(labeled.Length, metrics["mlops_labels_received_total"]);
        Assert.Equal(realised, metrics["mlops_performance_realised"], 12);
        Assert.Equal(estimated, metrics["mlops_performance_estimated"], 9);
    }

    /// <summary>The monitor's performance samples (name → value; one sample each here), once <paramref name="ready"/> holds.</summary>
    private static async Task<Dictionary<string, double>> MonitorMetricsAsync(ServiceProcess monitor, Func<Dictionary<string, double>, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var text = await monitor.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            var samples = text.Split('\n')
                .Where(l => l.StartsWith("mlops_performance_", StringComparison.Ordinal) || l.StartsWith("mlops_labels_", StringComparison.Ordinal))
                .ToDictionary(l => l[..l.IndexOf('{', StringComparison.Ordinal)], l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            if (ready(samples) || DateTime.UtcNow > deadline)
            {
                return samples;
            }

            await Task.Delay(200);
        }
    }
}
