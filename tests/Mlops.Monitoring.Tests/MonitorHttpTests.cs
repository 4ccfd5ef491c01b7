using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Testing.Observability;

namespace Mlops.Monitoring.Tests;

/// <summary>The HTTP contract, on the real Kestrel server bound to a free loopback port.</summary>
public sealed class MonitorHttpTests : IAsyncLifetime, IDisposable
{
    private readonly LoopbackMonitor _monitor = new();

    private HttpClient Http => _monitor.Http;

    public Task InitializeAsync() => _monitor.InitializeAsync();

    public Task DisposeAsync() => _monitor.DisposeAsync();

    public void Dispose() => _monitor.Dispose();

    [Theory]
    [InlineData("""[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100}]""", "row 0: column 'miles' is missing")]
    [InlineData("""[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10},{"training":0,"age":"old","emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", "row 1: column 'age': 'old' is not a number")]
    [InlineData("""[{"training":0,"age":"NaN","emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", "row 0: column 'age': 'NaN' is not a number")]
    [InlineData("""[{"training":0,"age":null,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", "row 0: column 'age': expected a number, got null")]
    [InlineData("""[{"training":0,"age":NaN}]""", "request body is not valid JSON")]
    [InlineData("""{"rows": 3}""", "row 0: column 'training' is missing")]
    [InlineData("""[1, 2]""", "row 0: expected an object")]
    [InlineData("""42""", "expected a JSON array of row objects")]
    public async Task Bad_rows_are_400_problem_details_naming_row_and_column(string body, string reason)
    {
        using var response = await Post("insurance", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("mlops_rows_received_total{dataset_name=\"insurance\"} 0\n", await Metrics(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_rejects_the_whole_request()
    {
        var rows = JsonSerializer.Deserialize<List<Dictionary<string, object>>>(SeedRows.Month(1))!.Take(5).ToList();
        rows[4]["power"] = "fast";
        using var response = await Post("insurance", JsonSerializer.Serialize(rows));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mlops_rows_received_total{dataset_name=\"insurance\"} 0\n", await Metrics(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_dataset_is_404_problem_details()
    {
        using var post = await Post("cars", "[]");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("unknown dataset 'cars'", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var get = await Http.GetAsync(new Uri("/datasets/cars/drift", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Seed_rows_with_labels_booleans_and_seed_spelling_are_taken_and_a_full_window_is_computed()
    {
        var rows = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(SeedRows.Month(11))!.Take(100).ToList();
        var withBooleans = rows.Select(r => r.ToDictionary(p => p.Key, p => p.Key == "training" ? (object)(p.Value.GetDouble() == 1) : p.Value)).ToList();
        using var first = await Post("insurance", JsonSerializer.Serialize(withBooleans.Take(99)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.DoesNotContain("evidently:data_drift:dataset_drift{", await Metrics(), StringComparison.Ordinal);

        // The 100th row completes the window: computed at once, although the period is an hour.
        using var second = await Post("insurance", JsonSerializer.Serialize(withBooleans[99]));
        using var accepted = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.True(accepted.RootElement.GetProperty("calculated").GetBoolean());
        Assert.Equal(100, accepted.RootElement.GetProperty("window_rows").GetInt32());
        Assert.Contains("evidently:data_drift:dataset_drift{dataset_name=\"insurance\"} ", await Metrics(), StringComparison.Ordinal);

        using var status = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/datasets/insurance/drift", UriKind.Relative)));
        var columns = status.RootElement.GetProperty("latest").GetProperty("report").GetProperty("columns");
        Assert.Equal(6, columns.GetArrayLength());
        Assert.All(columns.EnumerateArray(), c => Assert.Equal(100, c.GetProperty("current_rows").GetInt32()));
        Assert.Single(status.RootElement.GetProperty("history").EnumerateArray());

        using var none = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/datasets/insurance/drift?history=0", UriKind.Relative)));
        Assert.Empty(none.RootElement.GetProperty("history").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, none.RootElement.GetProperty("latest").ValueKind);
    }

    [Fact]
    public async Task Predictions_give_prediction_drift_and_every_contract_metric_is_exported()
    {
        // The seed's rows plus the model's answer; the model here always says "high risk" (0), which the
        // reference's labels (the stand-in for reference predictions) contradict.
        var rows = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(SeedRows.Month(1))!.Take(100)
            .Select(r => r.ToDictionary(p => p.Key, p => (object)p.Value).Append(new KeyValuePair<string, object>("prediction", 0)).ToDictionary())
            .ToList();
        using var response = await Post("insurance", JsonSerializer.Serialize(rows));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var metrics = await Metrics();
        Assert.Contains("mlops_prediction_drift_score{dataset_name=\"insurance\",test=\"jensenshannon\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("mlops_prediction_drift_detected{dataset_name=\"insurance\"} 1\n", metrics, StringComparison.Ordinal);
        foreach (var name in ExportedMetrics.Monitor.Except(ExportedMetrics.MonitorPerformance))
        {
            Assert.Contains($"\n{name}{{dataset_name=\"insurance\"", "\n" + metrics, StringComparison.Ordinal);
        }

        // Without a model and a followed log they have no sample (LabelsServiceTests reads them from a monitor that has both).
        foreach (var name in ExportedMetrics.MonitorPerformance)
        {
            Assert.Contains($"\n# TYPE {name} ", "\n" + metrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ping_names_the_datasets()
    {
        using var ping = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/ping", UriKind.Relative)));
        Assert.Equal("ok", ping.RootElement.GetProperty("status").GetString());
        Assert.Equal("insurance", ping.RootElement.GetProperty("datasets")[0].GetString());
    }

    private Task<HttpResponseMessage> Post(string dataset, string body) =>
        Http.PostAsync(new Uri($"/iterate/{dataset}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private Task<string> Metrics() => Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
}
