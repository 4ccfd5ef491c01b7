using Microsoft.Extensions.Logging.Abstractions;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Logging;

public sealed class PredictionLogWriterTests
{
    [Fact]
    public async Task Stopping_drains_every_queued_row_into_the_log()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        await using var writer = new PredictionLogWriter(SqlitePredictionLog.Open(temp.File("p.db")), metrics, NullLogger<PredictionLogWriter>.Instance, capacity: 10_000, batchSize: 64);
        await writer.StartAsync(CancellationToken.None);

        var accepted = Enumerable.Range(0, 5000).Count(i => writer.TryEnqueue(Row(i)));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(5000, accepted);
        Assert.Equal(5000, writer.Written);
        Assert.Equal(0, writer.Dropped);
        Assert.Equal(5000, metrics.PredictionLogWritten.Value);
        await using var log = SqlitePredictionLog.Open(temp.File("p.db"));
        var rows = await log.ReadAfterAsync(0, 10_000);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)i), rows.Select(r => r.Features.Miles));
    }

    [Fact]
    public async Task A_full_queue_refuses_and_counts_instead_of_blocking()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        await using var writer = new PredictionLogWriter(SqlitePredictionLog.Open(temp.File("p.db")), metrics, NullLogger<PredictionLogWriter>.Instance, capacity: 10);

        // Not started: nothing takes rows out of the queue.
        var accepted = Enumerable.Range(0, 15).Count(i => writer.TryEnqueue(Row(i)));

        Assert.Equal(10, accepted);
        Assert.Equal(10, writer.QueueLength);
        Assert.Equal(5, writer.Dropped);
        Assert.Equal(5, metrics.PredictionLogDropped.Value);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(10, writer.Written);
    }

    [Fact]
    public async Task A_row_after_the_stop_is_counted_as_dropped()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        await using var writer = new PredictionLogWriter(SqlitePredictionLog.Open(temp.File("p.db")), metrics, NullLogger<PredictionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.False(writer.TryEnqueue(Row(1)));
        Assert.Equal(1, writer.Dropped);
    }

    [Fact]
    public async Task A_failing_database_is_retried_with_the_rows_kept_and_the_error_shown()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        var log = new FailingFirst(SqlitePredictionLog.Open(temp.File("p.db")), failures: 2);
        await using var writer = new PredictionLogWriter(log, metrics, NullLogger<PredictionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        Assert.True(writer.TryEnqueue(Row(1)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (writer.LastError is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the failure never showed");
            await Task.Delay(10);
        }

        Assert.Contains("database is locked", writer.LastError, StringComparison.Ordinal);
        Assert.True(writer.TryEnqueue(Row(2)));
        await writer.StopAsync(CancellationToken.None);

        Assert.Null(writer.LastError);
        Assert.Equal(2, writer.Written);
        Assert.Equal(0, writer.Dropped);
        Assert.Equal(2, await log.CountAsync());
    }

    private static LoggedPrediction Row(int i) => LoggedPrediction.Of(
        DateTimeOffset.UnixEpoch.AddSeconds(i), "v1", "ml", RiskPrediction.Certain(RiskGroup.Low), new InsuranceFeatures(false, 30, true, 40, 100, i));
}

/// <summary>A real log whose first appends fail, as a locked or unreachable database does.</summary>
internal sealed class FailingFirst(IPredictionLog inner, int failures) : IPredictionLog
{
    private int _failures = failures;

    public string Description => inner.Description;

    public Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _failures) >= 0
            ? throw new IOException("database is locked")
            : inner.AppendAsync(rows, cancellationToken);

    public Task<IReadOnlyList<LoggedPrediction>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterId, max, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<long> LastIdAsync(CancellationToken cancellationToken = default) => inner.LastIdAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
