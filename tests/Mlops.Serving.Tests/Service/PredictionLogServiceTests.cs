using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// Every answered prediction is in the prediction log, also when the service is stopped in the
/// middle of a load: the log is drained on a clean shutdown. SQLite (the default) and PostgreSQL.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class PredictionLogServiceTests
{
    /// <summary>Set by test.sh (scripts/start-postgres.sh): a real PostgreSQL server for this test.</summary>
    public const string PostgresVariable = "MLOPS_TEST_POSTGRES";

    [Fact]
    public async Task Ctrl_C_under_load_loses_no_answered_prediction_in_the_SQLite_log()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync();

        var answered = await LoadThenStopAsync(service, Signals.CtrlCReachesChildren ? "INT" : "TERM");

        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        await AssertLogHoldsExactlyAsync(log, afterId: 0, answered);
        Assert.Contains("mlops serve: stopped", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_stop_under_load_loses_no_answered_prediction_in_the_PostgreSQL_log()
    {
        var connection = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.False(
            string.IsNullOrWhiteSpace(connection),
            $"{PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL with scripts/start-postgres.sh (eval \"$(scripts/start-postgres.sh)\" before dotnet test works too)");
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        long before;
        await using (var existing = await PostgresPredictionLog.OpenAsync(connection!))
        {
            // The database outlives one run of this test: follow the log from where it stands now.
            before = await existing.LastIdAsync();
        }

        await using var service = await sandbox.StartAsync("--prediction-log", "postgres:" + connection);
        var health = await ServiceSandbox.GetJsonAsync(service.Http, "health");
        Assert.StartsWith("postgres:127.0.0.1:", health.GetProperty("prediction_log").GetProperty("target").GetString(), StringComparison.Ordinal);

        var answered = await LoadThenStopAsync(service, "TERM");

        await using var log = await PostgresPredictionLog.OpenAsync(connection!);
        await AssertLogHoldsExactlyAsync(log, before, answered);
    }

    /// <summary>
    /// Four clients send single and batch predictions (and a few bad requests) until the service is
    /// told to stop mid-load; returns every answer the clients received with 200.
    /// </summary>
    private static async Task<IReadOnlyList<JsonElement>> LoadThenStopAsync(ServiceProcess service, string signal)
    {
        var rows = TrainedModels.ReferenceRows.Take(300).Select(r => ServiceSandbox.Body(r.Features)).ToArray();
        var answers = new ConcurrentQueue<JsonElement>();
        var sent = 0;
        var stopping = false;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        async Task ClientAsync(int worker)
        {
            for (var i = worker; !bound.IsCancellationRequested; i += 4)
            {
                var batch = i % 10 == 3;
                var body = batch ? "[" + string.Join(",", Enumerable.Range(i, 10).Select(j => rows[j % rows.Length])) + "]"
                    : i % 17 == 5 ? "{\"training\":1}" : rows[i % rows.Length];
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(batch ? "predict/batch" : "predict", content, CancellationToken.None);
                    var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    Interlocked.Increment(ref sent);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var json = JsonDocument.Parse(text);
                        foreach (var answer in batch ? json.RootElement.EnumerateArray().ToArray() : [json.RootElement])
                        {
                            answers.Enqueue(answer.Clone());
                        }
                    }
                }
                catch (HttpRequestException) when (Volatile.Read(ref stopping))
                {
                    return; // the service stopped listening
                }
            }
        }

        var clients = Enumerable.Range(0, 4).Select(ClientAsync).ToArray();
        while (Volatile.Read(ref sent) < 300)
        {
            Assert.False(bound.IsCancellationRequested, "the load did not get going");
            await Task.Delay(10);
        }

        Volatile.Write(ref stopping, true);
        Assert.Equal(0, await service.StopAsync(signal));
        await Task.WhenAll(clients);
        Assert.True(answers.Count >= 300, $"only {answers.Count} answers");
        return [.. answers];
    }

    private static async Task AssertLogHoldsExactlyAsync(IPredictionLog log, long afterId, IReadOnlyList<JsonElement> answered)
    {
        var rows = new List<LoggedPrediction>();
        for (var after = afterId; await log.ReadAfterAsync(after, 500) is { Count: > 0 } page; after = page[^1].Id)
        {
            rows.AddRange(page);
        }

        Assert.Equal(answered.Count, rows.Count);
        static string Key(string source, int category, string version) => $"{source}/{category}/{version}";
        var expected = answered.GroupBy(a => Key(Label(a.GetProperty("source").GetString()!), a.GetProperty("category").GetInt32(), a.GetProperty("model_version").GetString()!))
            .ToDictionary(g => g.Key, g => g.Count());
        var actual = rows.GroupBy(r => Key(r.Source, (int)r.Category, r.ModelVersion)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, actual);
        Assert.All(rows, r =>
        {
            Assert.Equal(1.0, r.Probabilities.Sum(), 6);
            Assert.InRange(r.LoggedAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        });
    }

    private static string Label(string source) => source switch
    {
        "ML" => "ml",
        "baseline - out of range" => "baseline_out_of_range",
        "baseline - low probability" => "baseline_low_probability",
        _ => source,
    };
}
