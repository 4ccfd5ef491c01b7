using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// The follower on a PostgreSQL log that several replicas write at once: a batch that took its ids
/// first may commit last. The follower must feed every committed row exactly once all the same.
/// </summary>
public sealed class PredictionLogConcurrentWritersTests
{
    private const int Writers = 4;
    private const int BatchesPerWriter = 6;

    [Fact]
    public async Task Every_row_of_concurrent_writers_with_delayed_commits_reaches_the_window_exactly_once()
    {
        using var database = new PostgresScratchSchema();
        await using var log = await PostgresPredictionLog.OpenAsync(database.ConnectionString);
        // Holds each batch's commit back after its ids are taken, by a time that depends on the batch's
        // size: batches of different writers commit out of id order, as a slow replica's would.
        database.ExecuteInSchema($"""
            CREATE FUNCTION delay_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_sleep(((SELECT COUNT(*) FROM added) % 4) * 0.06);
                RETURN NULL;
            END $$;
            CREATE TRIGGER delay_commit AFTER INSERT ON {PredictionLogSchema.Table}
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION delay_commit();
            """);
        var customers = PredictionLogRowSourceTests.SeedCustomers(1);
        var batches = Enumerable.Range(0, Writers).Select(writer => Enumerable.Range(0, BatchesPerWriter)
            .Select(batch => 9 + ((writer * 7) + (batch * 3)) % 13).ToList()).ToList();
        var total = batches.Sum(sizes => sizes.Sum());

        var monitor = new DriftMonitor(MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)) with { WindowSize = total, CalculationPeriodSeconds = 3600 });
        var source = new PredictionLogRowSource(log, "insurance", pollInterval: TimeSpan.FromMilliseconds(5), pageSize: 16);
        using var stop = new CancellationTokenSource();
        var following = source.RunAsync(monitor, stop.Token);
        await WaitAsync(() => source.Position >= 0, TimeSpan.FromSeconds(20));

        var next = 0;
        await Task.WhenAll(batches.Select(async (sizes, writer) =>
        {
            await using var replica = await PostgresPredictionLog.OpenAsync(database.ConnectionString);
            foreach (var size in sizes)
            {
                var first = Interlocked.Add(ref next, size) - size;
                await replica.AppendAsync([.. Enumerable.Range(first, size).Select(i => Logged(customers[i], i, writer))]);
            }
        }));
        Assert.Equal(total, await log.CountAsync());

        // Every row written is committed now; give the follower time to feed them, and to feed any twice.
        await WaitAsync(() => source.RowsFed >= total, TimeSpan.FromSeconds(10), fail: false);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);

        Assert.Equal(total, source.RowsFed);
        Assert.Equal(total, monitor.Find("insurance")!.Status().Window.RowsReceived);
    }

    private static LoggedPrediction Logged(double[] customer, int index, int writer) => LoggedPrediction.Of(
        DateTimeOffset.UnixEpoch.AddSeconds(index), $"replica-{writer}", "ml", new ClassPrediction((int)RiskGroup.Medium, InsuranceVectors.Certain((int)RiskGroup.Medium)), customer);

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, bool fail = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.False(fail, $"condition not met within {timeout.TotalSeconds} s");
                return;
            }

            await Task.Delay(10);
        }
    }
}
