using System.Globalization;
using System.Net;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>The talk's fallbacks, end to end: low certainty, and no production model at all.</summary>
public sealed class FallbackServiceTests
{
    [Fact]
    public async Task An_unsure_model_is_replaced_by_the_baseline_at_the_configured_certainty()
    {
        using var sandbox = new ServiceSandbox();
        var folder = await TrainedModels.First();
        sandbox.Promote(sandbox.Register(folder));
        using var model = new ServedModelFacts(folder);
        const double threshold = 0.8;
        var unsure = model.Customers(0, threshold).Take(5).ToList();
        var sure = model.Customers(threshold, 1.01).Take(5).ToList();
        Assert.True(unsure.Count > 0 && sure.Count > 0, "the reference data holds customers on both sides of the threshold");
        await using var service = await sandbox.StartAsync("--min-certainty", threshold.ToString(CultureInfo.InvariantCulture));

        foreach (var customer in unsure)
        {
            var json = (await ServiceSandbox.PredictAsync(service.Http, customer)).Json;
            Assert.Equal("baseline - low probability", json.GetProperty("source").GetString());
            Assert.Contains("below 0.8", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var expected = TalkCustomers.Baseline(customer);
            Assert.Equal((int)expected, json.GetProperty("category").GetInt32());
            Assert.Equal(InsuranceVectors.Certain((int)expected), json.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()));
        }

        foreach (var customer in sure)
        {
            Assert.Equal("ML", (await ServiceSandbox.PredictAsync(service.Http, customer)).Json.GetProperty("source").GetString());
        }
    }

    [Fact]
    public async Task Without_a_production_model_the_baseline_answers_and_health_says_so_until_a_promotion()
    {
        using var sandbox = new ServiceSandbox();
        var version = sandbox.Register(await TrainedModels.First());
        await using var service = await sandbox.StartAsync();
        var customer = TrainedModels.ReferenceRows[0].Features;

        var health = await ServiceSandbox.GetJsonAsync(service.Http, "health");
        Assert.True(health.GetProperty("serving_baseline_only").GetBoolean());
        Assert.Equal("baseline", health.GetProperty("model_version").GetString());
        Assert.Contains("no production model", health.GetProperty("model_source").GetString(), StringComparison.Ordinal);
        Assert.Contains("no production model", service.Output, StringComparison.Ordinal);
        var answer = (await ServiceSandbox.PredictAsync(service.Http, customer)).Json;
        Assert.Equal("baseline", answer.GetProperty("source").GetString());
        Assert.Equal((int)TalkCustomers.Baseline(customer), answer.GetProperty("category").GetInt32());

        sandbox.Promote(version);
        health = await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("model_version").GetString() == version, TimeSpan.FromSeconds(30));

        Assert.False(health.GetProperty("serving_baseline_only").GetBoolean());
        Assert.Equal(1, health.GetProperty("model_reloads").GetDouble());
        var after = await ServiceSandbox.PredictAsync(service.Http, customer);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(version, after.Json.GetProperty("model_version").GetString());
    }
}
