using System.Net;
using System.Text;
using System.Text.Json;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// What a replay and the built-in dashboard need from the monitor: a report on demand when a month is
/// closed, and the fallback rate of the window from the rows' <c>source</c> — on the real Kestrel server.
/// </summary>
public sealed class ReplayEndpointsTests : IAsyncLifetime, IDisposable
{
    private readonly LoopbackMonitor _monitor = new();

    private HttpClient Http => _monitor.Http;

    public Task InitializeAsync() => _monitor.InitializeAsync();

    public Task DisposeAsync() => _monitor.DisposeAsync();

    public void Dispose() => _monitor.Dispose();

    [Fact]
    public async Task Calculate_on_a_window_that_is_not_full_is_409_naming_the_rows()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post(Rows(40, fallbackEvery: 0))).StatusCode);

        using var response = await Calculate();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has 40 of 100 rows", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_reports_the_window_now_once_per_new_rows_with_the_fallback_rate_of_the_sources()
    {
        // 100 rows, every 4th answered by the fallback: the window is full and computed at once.
        Assert.Equal(HttpStatusCode.OK, (await Post(Rows(100, fallbackEvery: 4))).StatusCode);
        // 30 more, 3 of them fallback answers: the period has not passed, no report by itself.
        Assert.Equal(HttpStatusCode.OK, (await Post(Rows(30, fallbackEvery: 10))).StatusCode);
        Assert.Single(await History());

        using var first = await Calculate();
        using var second = await Calculate();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var report = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(130, report.RootElement.GetProperty("rows_received").GetInt64());
        // The window: the last 70 of the first 100 (18 of them fallback: rows 31, 35, …, 99) and the 30 new (3).
        Assert.Equal(21 / 100.0, report.RootElement.GetProperty("fallback_rate").GetDouble(), 12);
        Assert.Equal(100, report.RootElement.GetProperty("rows_with_source").GetInt32());
        // Nothing new since: the same report, not a second one.
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(2, (await History()).Count);
    }

    [Fact]
    public async Task Rows_without_a_source_as_the_seeds_client_sends_them_give_no_fallback_rate()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post(SeedRows.Month(1))).StatusCode);

        using var report = JsonDocument.Parse(await (await Calculate()).Content.ReadAsStringAsync());

        Assert.False(report.RootElement.TryGetProperty("fallback_rate", out _));
        Assert.Equal(0, report.RootElement.GetProperty("rows_with_source").GetInt32());
    }

    [Fact]
    public async Task A_source_that_is_not_text_is_a_bad_row()
    {
        using var response = await Post("""[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10,"source":1}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("row 0: column 'source': expected who answered as text", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_for_an_unknown_dataset_is_404()
    {
        using var response = await Http.PostAsync(new Uri("/datasets/cars/drift/calculate", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Seed customers as the prediction service forwards them: features, prediction and who answered (every n-th the fallback; 0: never).</summary>
    private static string Rows(int count, int fallbackEvery)
    {
        var seed = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(SeedRows.Month(1))!;
        var rows = seed.Take(count).Select((r, i) => new Dictionary<string, object>
        {
            ["training"] = r["training"],
            ["age"] = r["age"],
            ["emergency_braking"] = r["emergency_breaking"],
            ["braking_distance"] = r["braking_distance"],
            ["power"] = r["power"],
            ["miles"] = r["miles"],
            ["prediction"] = r["group"],
            ["source"] = fallbackEvery > 0 && i % fallbackEvery == fallbackEvery - 1 ? "baseline_out_of_range" : "ml",
        });
        return JsonSerializer.Serialize(rows);
    }

    private Task<HttpResponseMessage> Post(string body) =>
        Http.PostAsync(new Uri("/iterate/insurance", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> Calculate() =>
        Http.PostAsync(new Uri("/datasets/insurance/drift/calculate", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

    private async Task<IReadOnlyList<JsonElement>> History()
    {
        using var status = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/datasets/insurance/drift", UriKind.Relative)));
        return [.. status.RootElement.GetProperty("history").EnumerateArray().Select(e => e.Clone())];
    }
}
