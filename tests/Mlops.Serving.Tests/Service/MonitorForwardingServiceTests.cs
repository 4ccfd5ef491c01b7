using System.Net;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary><c>mlops serve --monitor URL</c>: every answered input goes to the monitor in batches; a dead or slow monitor costs the clients nothing.</summary>
public sealed class MonitorForwardingServiceTests
{
    [Fact]
    public async Task Every_answered_input_reaches_the_monitor_with_its_prediction_in_batches()
    {
        using var monitor = new FakeMonitor();
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--monitor", monitor.Url);
        var customers = TrainedModels.ReferenceRows.Take(250).Select(r => r.Features).ToList();
        var categories = new List<int>();
        foreach (var customer in customers)
        {
            categories.Add((await ServiceSandbox.PredictAsync(service.Http, customer)).Json.GetProperty("category").GetInt32());
        }

        await WaitAsync(() => monitor.Rows >= customers.Count);

        var batches = monitor.Batches.ToList();
        Assert.All(batches, b => Assert.Equal("/iterate/insurance", b.Path));
        Assert.All(batches, b => Assert.InRange(b.Rows.GetArrayLength(), 1, 100));
        Assert.True(batches.Count >= 3, $"{batches.Count} batches for {customers.Count} rows");
        var rows = batches.SelectMany(b => b.Rows.EnumerateArray()).ToList();
        Assert.Equal(customers.Count, rows.Count);
        // One client sends in order and the forwarder keeps the order.
        for (var i = 0; i < customers.Count; i++)
        {
            Assert.Equal(customers[i].Age, rows[i].GetProperty("age").GetDouble());
            Assert.Equal(customers[i].Power, rows[i].GetProperty("power").GetDouble());
            Assert.Equal(customers[i].Miles, rows[i].GetProperty("miles").GetDouble());
            Assert.Equal(customers[i].Training ? 1 : 0, rows[i].GetProperty("training").GetInt32());
            Assert.Equal(customers[i].EmergencyBraking ? 1 : 0, rows[i].GetProperty("emergency_braking").GetInt32());
            Assert.Equal(customers[i].BrakingDistance, rows[i].GetProperty("braking_distance").GetDouble());
            Assert.Equal(categories[i], rows[i].GetProperty("prediction").GetInt32());
        }

        var metrics = await service.Http.GetStringAsync("metrics");
        Assert.Equal(customers.Count, MetricsText.Value(metrics, "mlops_monitor_forwarded_rows_total"));
        Assert.Equal(0, MetricsText.Value(metrics, "mlops_monitor_forward_dropped_rows_total"));
    }

    [Fact]
    public async Task The_real_monitor_receives_every_answered_input_with_its_prediction_and_the_token()
    {
        // Both started with the same token: the monitor takes rows only with it, so every row that arrives was sent with it.
        using var temp = new TemporaryDirectory("mlops-token");
        var token = temp.File("token");
        await File.WriteAllTextAsync(token, "forwarder-test-token-0123456789");
        var monitorPort = FreePort.Next();
        var start = CliProcess.StartInfo(["monitor", "--port", monitorPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reference", RepositoryPaths.SeedMonth(0), "--token-file", token]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var monitor = System.Diagnostics.Process.Start(start)!;
        monitor.OutputDataReceived += (_, _) => { };
        monitor.ErrorDataReceived += (_, _) => { };
        monitor.BeginOutputReadLine();
        monitor.BeginErrorReadLine();
        try
        {
            using var monitorHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{monitorPort}/") };
            await WaitAsync(async () =>
            {
                try
                {
                    return (await monitorHttp.GetAsync("metrics")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            });
            using var sandbox = new ServiceSandbox();
            sandbox.Promote(sandbox.Register(await TrainedModels.First()));
            await using var service = await sandbox.StartAsync("--monitor", $"http://127.0.0.1:{monitorPort}", "--token-file", token);
            var rows = TrainedModels.ReferenceRows.Take(300).Select(r => ServiceSandbox.Body(r.Features));

            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PostAsync(service.Http, "predict/batch", "[" + string.Join(",", rows) + "]")).Status);

            await WaitAsync(async () => MetricsText.Value(await monitorHttp.GetStringAsync("metrics"), "mlops_rows_received_total{dataset_name=\"insurance\"}") == 300);
            var metrics = await service.Http.GetStringAsync("metrics");
            Assert.Equal(300, MetricsText.Value(metrics, "mlops_monitor_forwarded_rows_total"));
            Assert.Equal(0, MetricsText.Value(metrics, "mlops_monitor_forward_dropped_rows_total"));
        }
        finally
        {
            monitor.Kill(entireProcessTree: true);
            await monitor.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_dead_monitor_drops_rows_counted_while_predictions_go_on()
    {
        var deadPort = FreePort.Next();
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--monitor", $"http://127.0.0.1:{deadPort}");

        foreach (var row in TrainedModels.ReferenceRows.Take(150))
        {
            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PredictAsync(service.Http, row.Features)).Status);
        }

        await WaitAsync(async () => MetricsText.Value(await service.Http.GetStringAsync("metrics"), "mlops_monitor_forward_dropped_rows_total") >= 2);
        var metrics = await service.Http.GetStringAsync("metrics");
        Assert.Equal(0, MetricsText.Value(metrics, "mlops_monitor_forwarded_rows_total"));
        Assert.Equal(150, MetricsText.Sum(metrics, "mlops_predictions_total"));
        Assert.True(await service.WaitForOutputAsync("dropping rows", TimeSpan.FromSeconds(10)), service.Output);
    }

    [Fact]
    public async Task Impossible_values_are_refused_and_never_reach_the_monitor()
    {
        using var monitor = new FakeMonitor();
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--monitor", monitor.Url);
        var good = ServiceSandbox.Body(TrainedModels.ReferenceRows[0].Features);

        // An age of 1e308 was answered by the fallback (out of range) and forwarded: drift scores of 7.8e306.
        var absurd = await ServiceSandbox.PostAsync(service.Http, "predict/batch", $$"""[{{good}},{"training":1,"age":1e308,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}]""");
        var infinite = await ServiceSandbox.PostAsync(service.Http, "predict", """{"training":1,"age":40,"emergency_braking":1,"braking_distance":30,"power":1e400,"miles":10}""");
        var fine = await ServiceSandbox.PostAsync(service.Http, "predict", good);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, absurd.Status);
        Assert.Equal("age", absurd.Json.GetProperty("field").GetString());
        Assert.Equal(1, absurd.Json.GetProperty("row").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, infinite.Status);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        await WaitAsync(() => monitor.Rows >= 1);
        await Task.Delay(300);
        var row = Assert.Single(monitor.Batches.SelectMany(b => b.Rows.EnumerateArray()));
        Assert.Equal(TrainedModels.ReferenceRows[0].Features.Age, row.GetProperty("age").GetDouble());
    }

    [Fact]
    public async Task A_hung_monitor_does_not_hold_up_predictions()
    {
        using var monitor = new FakeMonitor(holdAnswers: true);
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--monitor", monitor.Url);

        // A batch reaches the monitor, which holds it: the forwarder now waits for an answer that does not come…
        foreach (var row in TrainedModels.ReferenceRows.Take(150))
        {
            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PredictAsync(service.Http, row.Features)).Status);
        }

        await WaitAsync(() => !monitor.Batches.IsEmpty);

        // …and the clients do not: 150 more predictions are answered while the monitor has answered nothing.
        foreach (var row in TrainedModels.ReferenceRows.Skip(150).Take(150))
        {
            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PredictAsync(service.Http, row.Features)).Status);
        }

        Assert.Equal(0, monitor.Answered);
        monitor.Release();
        Assert.Equal(300, MetricsText.Sum(await service.Http.GetStringAsync("metrics"), "mlops_predictions_total"));
    }

    private static Task WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(100);
        }
    }
}
