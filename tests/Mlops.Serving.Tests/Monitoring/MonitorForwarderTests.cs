using Microsoft.Extensions.Logging.Abstractions;
using Mlops.Core.Monitoring;
using Mlops.Serving.Fallback;
using Mlops.Serving.Metrics;
using Mlops.Serving.Monitoring;
using Mlops.Serving.Tests.Service;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Monitoring;

public sealed class MonitorForwarderTests
{
    [Fact]
    public async Task Rows_are_the_monitors_row_objects_with_the_prediction_and_who_answered()
    {
        using var monitor = new FakeMonitor();
        using var forwarder = new MonitorForwarder(new Uri(monitor.Url), "insurance", MonitorRowJson.Insurance, new ServingMetrics(), NullLogger<MonitorForwarder>.Instance,
            batchRows: 2, idleFlush: TimeSpan.FromMilliseconds(20));
        await forwarder.StartAsync(CancellationToken.None);

        forwarder.Enqueue(Row(InsuranceVectors.Customer(true, 51.5, false, 30, 100, 10), Low, AnswerSource.Ml));
        forwarder.Enqueue(Row(InsuranceVectors.Customer(false, 20, true, 45, 180, 60), High, AnswerSource.BaselineOutOfRange));
        await WaitForAsync(monitor, 2);
        await forwarder.StopAsync(CancellationToken.None);

        var rows = monitor.Batches.SelectMany(b => b.Rows.EnumerateArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            """{"training":1,"age":51.5,"emergency_braking":0,"braking_distance":30,"power":100,"miles":10,"prediction":2,"source":"ml"}""",
            rows[0].GetRawText());
        Assert.Equal(0, rows[1].GetProperty("prediction").GetInt32());
        Assert.Equal("baseline_out_of_range", rows[1].GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_burst_is_sent_once_the_queue_is_quiet_not_at_the_flush_interval()
    {
        using var monitor = new FakeMonitor();
        // A flush interval of an hour: only the idle flush can send this batch in time.
        using var forwarder = new MonitorForwarder(new Uri(monitor.Url), "insurance", MonitorRowJson.Insurance, new ServingMetrics(), NullLogger<MonitorForwarder>.Instance,
            batchRows: 100, flushInterval: TimeSpan.FromHours(1), idleFlush: TimeSpan.FromMilliseconds(20));
        await forwarder.StartAsync(CancellationToken.None);

        for (var i = 0; i < 30; i++)
        {
            forwarder.Enqueue(Row(InsuranceVectors.Customer(false, 30 + i, true, 40, 100, 20), Medium, AnswerSource.Ml));
        }

        await WaitForAsync(monitor, 30);

        await forwarder.StopAsync(CancellationToken.None);
        Assert.Equal(30, monitor.Rows);
        Assert.Equal(Enumerable.Range(30, 30).Select(a => (double)a), monitor.Batches.SelectMany(b => b.Rows.EnumerateArray()).Select(r => r.GetProperty("age").GetDouble()));
    }

    [Fact]
    public async Task A_dead_monitor_is_tried_less_and_less_often_with_one_warning_and_every_row_counted()
    {
        // A port that accepts and at once closes: each attempt is one connection, counted.
        using var refuser = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        refuser.Start();
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await refuser.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref attempts);
            }
        });
        var metrics = new ServingMetrics();
        var logger = new WarningCounter();
        using var forwarder = new MonitorForwarder(new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)refuser.LocalEndpoint).Port}"), "insurance", MonitorRowJson.Insurance, metrics, logger,
            batchRows: 10, flushInterval: TimeSpan.FromMilliseconds(20), idleFlush: TimeSpan.FromMilliseconds(5), maxBackoff: TimeSpan.FromMilliseconds(800));
        await forwarder.StartAsync(CancellationToken.None);

        // Three seconds of traffic: without back-off every 10 rows (every 50 ms) was a connection attempt, about 60.
        var sent = 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < until)
        {
            forwarder.Enqueue(Row(InsuranceVectors.Customer(false, 30, true, 40, 100, 20), Medium, AnswerSource.Ml));
            sent++;
            await Task.Delay(5);
        }

        var tried = Volatile.Read(ref attempts);
        await forwarder.StopAsync(CancellationToken.None);
        await stop.CancelAsync();
        refuser.Stop();
        await Task.WhenAny(accepting);

        // 100, 200, 400, 800, 800, … ms between attempts: at most 3 s / 0.8 s + 4 of them, however many rows came.
        Assert.InRange(tried, 2, 9);
        Assert.Equal(1, logger.Warnings);
        Assert.Equal(sent, metrics.MonitorDroppedRows.Value);
        Assert.Equal(0, metrics.MonitorForwardedRows.Value);
    }

    /// <summary>The insurance problem's class indices.</summary>
    private const int High = 0, Medium = 1, Low = 2;

    private static MonitorRow Row(double[] customer, int prediction, AnswerSource source) => new(customer, prediction, source.Label());

    private static async Task WaitForAsync(FakeMonitor monitor, int rows)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (monitor.Rows < rows)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{monitor.Rows} of {rows} rows arrived within 20 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Counts the warnings a forwarder logs.</summary>
    private sealed class WarningCounter : Microsoft.Extensions.Logging.ILogger<MonitorForwarder>
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }
}
