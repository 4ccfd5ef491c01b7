using Microsoft.Extensions.Logging.Abstractions;
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
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)i), rows.Select(r => r.Features[Mlops.Core.Problems.ProblemSchema.Insurance.FeatureIndex("miles")]));
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

    [Fact]
    public async Task Durable_answers_wait_for_their_commit_and_concurrent_ones_share_it()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        var log = new GatedLog(SqlitePredictionLog.Open(temp.File("p.db")));
        await using var writer = new PredictionLogWriter(log, metrics, NullLogger<PredictionLogWriter>.Instance, durability: PredictionLogDurability.Durable);
        await writer.StartAsync(CancellationToken.None);

        var first = writer.RecordAsync([Row(0)]).AsTask();
        await log.Entered.WaitAsync(TimeSpan.FromSeconds(30)); // the first commit is in flight and held
        var others = Enumerable.Range(1, 50).Select(i => writer.RecordAsync(i % 10 == 0 ? [Row(i), Row(1000 + i)] : [Row(i)]).AsTask()).ToArray();
        await Task.Delay(100);
        Assert.False(first.IsCompleted, "an answer was released before its row was committed");
        Assert.DoesNotContain(others, o => o.IsCompleted);

        log.Open();
        Assert.True(await first);
        Assert.All(await Task.WhenAll(others), Assert.True);

        // The 50 requests that queued behind the held commit went in together, not one transaction each.
        Assert.Equal(2, log.Appends);
        Assert.Equal(56, await log.CountAsync());
        Assert.Equal(0, writer.Unrecorded);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Durable_refuses_an_answer_whose_commit_does_not_come_in_time_and_says_so()
    {
        using var temp = new TemporaryDirectory();
        var metrics = new ServingMetrics();
        var log = new GatedLog(SqlitePredictionLog.Open(temp.File("p.db")));
        await using var writer = new PredictionLogWriter(
            log, metrics, NullLogger<PredictionLogWriter>.Instance, durability: PredictionLogDurability.Durable, commitTimeout: TimeSpan.FromMilliseconds(200));
        await writer.StartAsync(CancellationToken.None);

        Assert.False(await writer.RecordAsync([Row(1), Row(2)]));
        Assert.Equal(2, writer.Unrecorded);
        Assert.Equal(2, metrics.PredictionLogUnrecorded.Value);
        Assert.Contains("commits take longer than 0.2 s", writer.LastError, StringComparison.Ordinal);

        log.Open();
        Assert.True(await writer.RecordAsync([Row(3)]));
        Assert.Null(writer.LastError);
        await writer.StopAsync(CancellationToken.None);
    }

    private static LoggedPrediction Row(int i) => LoggedPrediction.Of(
        DateTimeOffset.UnixEpoch.AddSeconds(i), "v1", "ml", new ClassPrediction(Low, InsuranceVectors.Certain(Low)), InsuranceVectors.Customer(false, 30, true, 40, 100, i));

    /// <summary>The insurance problem's class index of "low".</summary>
    private const int Low = 2;
}

/// <summary>A real log whose first appends fail, as a locked or unreachable database does.</summary>
internal sealed class FailingFirst(IPredictionLog inner, int failures) : IPredictionLog
{
    private int _failures = failures;

    public string Description => inner.Description;

    public LabelStore Labels => inner.Labels;

    public PredictionLogArchive Archive => inner.Archive;

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

/// <summary>A real log whose appends wait at a gate until the test opens it, as a database that holds a commit does.</summary>
internal sealed class GatedLog(IPredictionLog inner) : IPredictionLog
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _appends;

    public string Description => inner.Description;

    public LabelStore Labels => inner.Labels;

    public PredictionLogArchive Archive => inner.Archive;

    public int Appends => Volatile.Read(ref _appends);

    /// <summary>Completes when the first append reached the gate.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.TrySetResult();

    public async Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appends);
        _entered.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        await inner.AppendAsync(rows, cancellationToken);
    }

    public Task<IReadOnlyList<LoggedPrediction>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterId, max, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<long> LastIdAsync(CancellationToken cancellationToken = default) => inner.LastIdAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
