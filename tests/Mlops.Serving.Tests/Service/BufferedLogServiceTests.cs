using Microsoft.Data.Sqlite;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// A buffered log answers without waiting for its rows, so nothing on the request path notices a log
/// that cannot write: <c>/health</c> must, while the writes are stuck, and the rows must arrive after.
/// </summary>
public sealed class BufferedLogServiceTests
{
    [Fact]
    public async Task A_locked_SQLite_log_makes_health_say_failing_while_buffered_answers_go_on()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync("--log-durability", "buffered", "--log-commit-timeout", "0.5");
        await using var load = AcknowledgedLoad.Start(service.BaseAddress, clients: 4, prefix: "buffered-lock");
        await load.WaitForAsync(100, TimeSpan.FromSeconds(60));

        // Another process holds the database's write lock, shorter than SQLite's 30 s busy timeout: no write fails, the writes hang.
        await using (var locker = new SqliteConnection($"Data Source={sandbox.PredictionLogPath};Pooling=false"))
        {
            await locker.OpenAsync();
            await using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN IMMEDIATE";
            await exclusive.ExecuteNonQueryAsync();
            var during = load.Acknowledged.Count;
            var failing = await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("status").GetString() == "failing", TimeSpan.FromSeconds(10));
            Assert.Contains("prediction log sqlite:", failing.GetProperty("reason").GetString(), StringComparison.Ordinal);
            await load.WaitForAsync(during + 50, TimeSpan.FromSeconds(30));
            exclusive.CommandText = "ROLLBACK";
            await exclusive.ExecuteNonQueryAsync();
        }

        await ServiceSandbox.WaitForHealthAsync(service.Http, h => h.GetProperty("status").GetString() == "ok", TimeSpan.FromSeconds(20));
        await load.StopAsync();
        Assert.Equal(0, await service.StopAsync());

        Assert.Equal(0, load.Refused);
        Assert.Equal(0, load.Other);
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        load.AssertAllIn(await AcknowledgedLoad.LoggedAsync(log, 0), "after the lock");
    }
}
