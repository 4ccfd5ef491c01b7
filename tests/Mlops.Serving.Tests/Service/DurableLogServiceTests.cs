using Microsoft.Data.Sqlite;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// Acknowledged means recorded: with the default durable log, every prediction a client received
/// with 200 is in the log, also after <c>kill -9</c> of the service under load (SQLite and
/// PostgreSQL), and while the log cannot commit the service answers 503, never an unrecorded 200.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class DurableLogServiceTests
{
    [Fact]
    public async Task Every_answer_carries_a_time_ordered_prediction_id_and_the_clients_key_both_logged()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync();
        var body = ServiceSandbox.Body(TrainedModels.ReferenceRows[0].Features);

        using var content = new StringContent(body.Replace("{", "{\"request_id\":\"customer-1\",", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        using var response = await service.Http.PostAsync("predict", content);
        var one = new Answer(response.StatusCode, "application/json", await response.Content.ReadAsStringAsync()).Json;
        var id = one.GetProperty("prediction_id").GetGuid();
        Assert.Equal(id, Guid.Parse(Assert.Single(response.Headers.GetValues("Prediction-Id"))));
        Assert.Equal(7, id.Version);
        Assert.Equal("customer-1", one.GetProperty("request_id").GetString());

        var batch = (await ServiceSandbox.PostAsync(service.Http, "predict/batch", $"[{body},{body},{body}]")).Json.EnumerateArray()
            .Select(a => a.GetProperty("prediction_id").GetGuid()).ToArray();
        Assert.Equal(3, batch.Distinct().Count());
        Assert.All(batch, b => Assert.True(b.CompareTo(id) > 0, "a later answer got an earlier id"));

        Assert.Equal(0, await service.StopAsync());
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        var logged = await AcknowledgedLoad.LoggedAsync(log, 0);
        Assert.Equal(new Dictionary<Guid, string?> { [id] = "customer-1", [batch[0]] = null, [batch[1]] = null, [batch[2]] = null }, logged);
    }

    [Fact]
    public async Task Kill_9_under_load_loses_no_acknowledged_prediction_in_the_SQLite_log_three_times_in_a_row()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await KillThreeTimesAsync(() => sandbox.StartAsync(), () => Task.FromResult<IPredictionLog>(SqlitePredictionLog.Open(sandbox.PredictionLogPath)));
    }

    [Fact]
    public async Task Kill_9_under_load_loses_no_acknowledged_prediction_in_the_PostgreSQL_log_three_times_in_a_row()
    {
        var connection = Environment.GetEnvironmentVariable(PredictionLogServiceTests.PostgresVariable);
        Assert.False(
            string.IsNullOrWhiteSpace(connection),
            $"{PredictionLogServiceTests.PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL with scripts/start-postgres.sh");
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await KillThreeTimesAsync(
            () => sandbox.StartAsync("--prediction-log", "postgres:" + connection),
            async () => await PostgresPredictionLog.OpenAsync(connection!));
    }

    [Fact]
    public async Task A_locked_SQLite_log_gets_503s_and_a_failing_health_never_a_200_whose_row_is_missing()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--log-commit-timeout", "0.5");
        await using var load = AcknowledgedLoad.Start(service.BaseAddress, clients: 8, prefix: "lock");
        await load.WaitForAsync(200, TimeSpan.FromSeconds(60));

        // Another process holds the database's write lock, as a backup tool or a stuck transaction would.
        await using (var locker = new SqliteConnection($"Data Source={sandbox.PredictionLogPath};Pooling=false"))
        {
            await locker.OpenAsync();
            await using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN IMMEDIATE";
            await exclusive.ExecuteNonQueryAsync();
            var failing = await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("status").GetString() == "failing", TimeSpan.FromSeconds(20));
            Assert.Contains("prediction log sqlite:", failing.GetProperty("reason").GetString(), StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(2));
            exclusive.CommandText = "ROLLBACK";
            await exclusive.ExecuteNonQueryAsync();
        }

        var before = load.Acknowledged.Count;
        await load.WaitForAsync(before + 200, TimeSpan.FromSeconds(60));
        await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("status").GetString() == "ok", TimeSpan.FromSeconds(20));
        await load.StopAsync();
        var metrics = await service.Http.GetStringAsync("metrics");
        Assert.Equal(0, await service.StopAsync());

        Assert.True(load.Refused > 0, "no request was refused while the log was locked");
        Assert.Equal(0, load.Other);
        Assert.Matches(@"mlops_prediction_log_unrecorded_total [1-9]", metrics);
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        load.AssertAllIn(await AcknowledgedLoad.LoggedAsync(log, 0), "after the lock");
    }

    private static async Task KillThreeTimesAsync(Func<Task<Testing.Services.ServiceProcess>> start, Func<Task<IPredictionLog>> open)
    {
        long from;
        await using (var log = await open())
        {
            // A PostgreSQL database outlives one run of this test: only rows from now on are this run's.
            from = await log.LastIdAsync();
        }

        for (var round = 1; round <= 3; round++)
        {
            await using var service = await start();
            await using var load = AcknowledgedLoad.Start(service.BaseAddress, clients: 16, prefix: $"kill{round}");
            await load.WaitForAsync(500, TimeSpan.FromSeconds(60));
            await service.StopAsync("KILL");
            await load.StopAsync();

            Assert.Equal(0, load.Other);
            await using var log = await open();
            load.AssertAllIn(await AcknowledgedLoad.LoggedAsync(log, from), $"round {round}");
        }
    }
}
