using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// The real <c>mlops monitor</c> as a child process on a free loopback port, fed three years of the
/// seed's data over HTTP exactly as the seed's client does, read back through <c>/metrics</c>.
/// </summary>
public sealed class MonitorProcessTests
{
    [Fact]
    public async Task Thirty_six_months_through_iterate_end_in_dataset_drift_on_metrics()
    {
        var port = FreePort.Next();
        var start = CliProcess.StartInfo(["monitor", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reference", RepositoryPaths.SeedMonth(0)]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilUp(http, process, stderr);

            // The late months hold impossible rows (negative miles): the monitor refuses such a post whole,
            // naming the row, as the service refuses such a customer; the client sends the possible ones.
            using (var month36 = new StringContent(SeedRows.Month(36), Encoding.UTF8, "application/json"))
            using (var refused = await http.PostAsync(new Uri("/iterate/insurance", UriKind.Relative), month36))
            {
                Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Contains("column 'miles': must be at least 0", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var sent = 0;
            for (var month = 1; month <= 36; month++)
            {
                var rows = SeedRows.Month(month, asStrings: month % 2 == 0, possibleOnly: true);
                sent += System.Text.Json.JsonDocument.Parse(rows).RootElement.GetArrayLength();
                using var content = new StringContent(rows, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/iterate/insurance", UriKind.Relative), content);
                Assert.True(response.IsSuccessStatusCode, $"month {month}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains("evidently:data_drift:dataset_drift{dataset_name=\"insurance\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("evidently:data_drift:n_drifted_features{dataset_name=\"insurance\"} 3\n", metrics, StringComparison.Ordinal);
            Assert.Contains("mlops_dataset_drift{dataset_name=\"insurance\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains($"mlops_rows_received_total{{dataset_name=\"insurance\"}} {sent}\n", metrics, StringComparison.Ordinal);
            Assert.Equal(54_000 - 4_102, sent);
            Assert.Contains("mlops_drift_window_rows{dataset_name=\"insurance\"} 1500\n", metrics, StringComparison.Ordinal);
            // Under the reference's names: the seed's reference spells emergency_breaking, as its Evidently exported it.
            foreach (var (feature, type) in new[] { ("training", "cat"), ("age", "num"), ("emergency_breaking", "cat"), ("braking_distance", "num"), ("power", "num"), ("miles", "num") })
            {
                Assert.Contains($"evidently:data_drift:p_value{{dataset_name=\"insurance\",feature=\"{feature}\",feature_type=\"{type}\"}} ", metrics, StringComparison.Ordinal);
                Assert.Contains($"mlops_drift_score{{dataset_name=\"insurance\",feature=\"{feature}\",test=\"{(type == "num" ? "wasserstein" : "jensenshannon")}\"}} ", metrics, StringComparison.Ordinal);
            }

            Assert.Contains("mlops_drift_detected{dataset_name=\"insurance\",feature=\"miles\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("mlops_drift_detected{dataset_name=\"insurance\",feature=\"braking_distance\"} 0\n", metrics, StringComparison.Ordinal);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryPaths.SeedMonth(0))));
            Assert.Contains($"evidently:reference_dataset_hash{{dataset_name=\"insurance\",hash=\"{hash}\"}} 1\n", metrics, StringComparison.Ordinal);

            // Every whole new window got its own report, whatever the period: one whenever 1,500 new rows
            // had come (a month with an impossible row sends fewer, so its report waits for the next month).
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/datasets/insurance/drift", UriKind.Relative)));
            var history = status.RootElement.GetProperty("history").EnumerateArray().ToList();
            var received = history.Select(h => h.GetProperty("rows_received").GetInt64()).ToList();
            Assert.Equal(1500, received[0]);
            Assert.All(received.Zip(received.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1500, 2999));
            Assert.False(history[0].GetProperty("report").GetProperty("dataset_drift").GetBoolean());
            Assert.True(history[^1].GetProperty("report").GetProperty("dataset_drift").GetBoolean());
            Assert.Contains(history[^1].GetProperty("report").GetProperty("columns").EnumerateArray(), c => c.GetProperty("column").GetString() == "emergency_breaking" && c.GetProperty("drifted").GetBoolean());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await stdout;
        }
    }

    [Fact]
    public async Task A_bad_reference_exits_2_with_one_line()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("ref.csv"), "age;miles\n30;10\n");
        var result = await CliProcess.RunAsync("monitor", "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--reference", dir.File("ref.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ref.csv:1: column 'training': missing from the header", result.StandardError, StringComparison.Ordinal);
    }

    private static async Task WaitUntilUp(HttpClient http, Process process, Task<string> stderr)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                Assert.Fail($"mlops monitor exited with {process.ExitCode}: {await stderr}");
            }

            try
            {
                var ping = await http.GetFromJsonAsync<JsonElement>(new Uri("/ping", UriKind.Relative));
                Assert.Equal("ok", ping.GetProperty("status").GetString());
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("mlops monitor did not answer /ping within 30 s");
    }
}
