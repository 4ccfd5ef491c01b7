using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Mlops.Serving.Tests.Service;

/// <summary>Promotion and rollback reach the running service without a restart and without one failed request.</summary>
public sealed class HotReloadServiceTests
{
    [Fact]
    public async Task Promote_and_rollback_under_concurrent_load_fail_no_request()
    {
        using var sandbox = new ServiceSandbox();
        var v1 = sandbox.Register(await TrainedModels.First());
        var v2 = sandbox.Register(await TrainedModels.Second());
        var trainer1 = Core.Models.ModelCardFile.Read(await TrainedModels.First()).Trainer;
        var trainer2 = Core.Models.ModelCardFile.Read(await TrainedModels.Second()).Trainer;
        sandbox.Promote(v1);
        await using var service = await sandbox.StartAsync();
        var bodies = TrainedModels.ReferenceRows.Take(200).Select(r => Encoding.UTF8.GetBytes(ServiceSandbox.Body(r.Features))).ToArray();
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentDictionary<string, int>();
        var answered = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a bound, never reached when all goes well

        async Task LoadAsync(int worker)
        {
            for (var i = worker; !stop.IsCancellationRequested; i += 4)
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new("application/json");
                try
                {
                    using var response = await service.Http.PostAsync("predict", content, CancellationToken.None);
                    var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{(int)response.StatusCode}: {text}");
                        continue;
                    }

                    using var json = JsonDocument.Parse(text);
                    versions.AddOrUpdate(json.RootElement.GetProperty("model_version").GetString()!, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref answered);
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue(e.Message);
                }
            }
        }

        var load = Enumerable.Range(0, 4).Select(LoadAsync).ToArray();
        await WaitForAnswersAsync(() => answered, 200);

        sandbox.Promote(v2);
        await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("model_version").GetString() == v2, TimeSpan.FromSeconds(30));
        var atPromotion = answered;
        await WaitForAnswersAsync(() => answered, atPromotion + 200);

        sandbox.Registry.Rollback("serving test");
        await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("model_version").GetString() == v1, TimeSpan.FromSeconds(30));
        var atRollback = answered;
        await WaitForAnswersAsync(() => answered, atRollback + 200);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(versions.GetValueOrDefault(v1) > 0 && versions.GetValueOrDefault(v2) > 0, $"answers by version: {string.Join(", ", versions)}");
        var metrics = await service.Http.GetStringAsync("metrics");
        Assert.Equal(2, MetricsText.Value(metrics, "mlops_model_reloads_total"));
        Assert.Equal(1, MetricsText.Value(metrics, $"mlops_model_info{{model_version=\"{v1}\",trainer=\"{trainer1}\"}}"));
        Assert.Null(MetricsText.Value(metrics, $"mlops_model_info{{model_version=\"{v2}\",trainer=\"{trainer2}\"}}"));
        Assert.True(await service.WaitForOutputAsync($"model reloaded: {v1} -> {v2}", TimeSpan.FromSeconds(10)), service.Output);
    }

    [Fact]
    public async Task A_model_that_fails_to_load_leaves_the_old_one_answering()
    {
        using var sandbox = new ServiceSandbox();
        var v1 = sandbox.Register(await TrainedModels.First());
        sandbox.Promote(v1);
        // A model folder whose files are intact (the registry's hashes match) but whose model cannot be read.
        var broken = Path.Combine(sandbox.Home, "broken-model");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(await TrainedModels.First()))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(broken, "model.zip"), "not a model");
        // A card from before model files were pinned by SHA-256: the registry takes it, only loading finds the damage.
        Core.Models.ModelCardFile.Write(broken, Core.Models.ModelCardFile.Read(broken) with { ModelSha256 = null });
        var v2 = sandbox.Register(broken);
        var v3 = sandbox.Register(await TrainedModels.Second());
        await using var service = await sandbox.StartAsync();
        var customer = TrainedModels.ReferenceRows[0].Features;

        sandbox.Promote(v2);
        await WaitForMetricAsync(service, "mlops_model_reload_failures_total", 1);

        var health = await ServiceSandbox.GetJsonAsync(service.Http, "health");
        Assert.Equal(v1, health.GetProperty("model_version").GetString());
        var answer = await ServiceSandbox.PredictAsync(service.Http, customer);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(v1, answer.Json.GetProperty("model_version").GetString());
        Assert.True(await service.WaitForOutputAsync($"failed; still serving {v1}", TimeSpan.FromSeconds(10)), service.Output);
        Assert.Equal(0, MetricsText.Value(await service.Http.GetStringAsync("metrics"), "mlops_model_reloads_total"));

        // The next promotion is loaded as usual.
        sandbox.Promote(v3);
        await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("model_version").GetString() == v3, TimeSpan.FromSeconds(30));
        Assert.Equal(v3, (await ServiceSandbox.PredictAsync(service.Http, customer)).Json.GetProperty("model_version").GetString());
    }

    private static async Task WaitForMetricAsync(ServiceProcess service, string sample, double value)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (MetricsText.Value(await service.Http.GetStringAsync("metrics"), sample) != value)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{sample} never reached {value}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForAnswersAsync(Func<int> answered, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (answered() < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {answered()} answers, expected {atLeast}");
            await Task.Delay(20);
        }
    }
}
