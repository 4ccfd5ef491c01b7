using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// Clients that send single and batch predictions (each row with its own <c>request_id</c>) as fast as
/// the service answers, and keep every prediction id they received with 200: what the service
/// acknowledged, and so promised is in the log. Also counts the 503s (not recorded, not acknowledged)
/// and the slowest answer.
/// </summary>
internal sealed class AcknowledgedLoad : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, string> _acknowledged = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly Task[] _clients;
    private int _refused;
    private int _other;
    private long _slowestTicks;

    private AcknowledgedLoad(Uri service, int clients, string prefix)
    {
        _http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        var rows = TrainedModels.ReferenceRows.Take(200).Select(r => ServiceSandbox.Body(r.Features)).ToArray();
        _clients = [.. Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, clients, prefix, rows)))];
    }

    /// <summary>Prediction id → request id of every answer received with 200.</summary>
    public IReadOnlyDictionary<Guid, string> Acknowledged => _acknowledged;

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Answers other than 200 and 503 (must stay 0), and failed connections before the stop.</summary>
    public int Other => Volatile.Read(ref _other);

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public static AcknowledgedLoad Start(Uri service, int clients, string prefix) => new(service, clients, prefix);

    /// <summary>Waits until at least <paramref name="count"/> predictions were acknowledged.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_acknowledged.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {_acknowledged.Count} of {count} predictions acknowledged in {timeout}");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the clients; a connection refused or reset from now on is the service going away, not a failure.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task ClientAsync(int client, int clients, string prefix, string[] rows)
    {
        for (var i = client; !_stop.IsCancellationRequested; i += clients)
        {
            var batch = i % 7 == 3;
            var keys = batch ? Enumerable.Range(0, 5).Select(j => $"{prefix}-{i}-{j}").ToArray() : [$"{prefix}-{i}"];
            var bodies = keys.Select((key, j) => rows[(i + j) % rows.Length].Replace("{", $"{{\"request_id\":\"{key}\",", StringComparison.Ordinal)).ToArray();
            var body = batch ? "[" + string.Join(",", bodies) + "]" : bodies[0];
            var started = DateTime.UtcNow;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(batch ? "predict/batch" : "predict", content, _stop.Token);
                var text = await response.Content.ReadAsStringAsync(_stop.Token);
                var took = (DateTime.UtcNow - started).Ticks;
                if (took > Interlocked.Read(ref _slowestTicks))
                {
                    Interlocked.Exchange(ref _slowestTicks, took);
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(text);
                    foreach (var answer in batch ? json.RootElement.EnumerateArray().ToArray() : [json.RootElement])
                    {
                        _acknowledged[answer.GetProperty("prediction_id").GetGuid()] = answer.GetProperty(ClientKey.Name).GetString()!;
                    }
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _refused);
                    await Task.Delay(10, CancellationToken.None);
                }
                else
                {
                    Interlocked.Increment(ref _other);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The service was killed under us: whatever it did not answer, it did not acknowledge.
                return;
            }
        }
    }

    /// <summary>Every row of the log from <paramref name="afterId"/> on: prediction id → request id.</summary>
    public static async Task<Dictionary<Guid, string?>> LoggedAsync(IPredictionLog log, long afterId)
    {
        var rows = new Dictionary<Guid, string?>();
        for (var after = afterId; await log.ReadAfterAsync(after, 5000) is { Count: > 0 } page; after = page[^1].Id)
        {
            foreach (var row in page)
            {
                rows.Add(row.PredictionId, row.RequestId);
            }
        }

        return rows;
    }

    /// <summary>Every acknowledged prediction is in the log, under its own client key.</summary>
    public void AssertAllIn(IReadOnlyDictionary<Guid, string?> logged, string round)
    {
        var missing = _acknowledged.Where(a => !logged.TryGetValue(a.Key, out var key) || key != a.Value).ToArray();
        Assert.True(
            missing.Length == 0,
            string.Create(CultureInfo.InvariantCulture, $"{round}: {missing.Length} of {_acknowledged.Count} acknowledged predictions are not in the log, e.g. {string.Join(", ", missing.Take(3).Select(m => m.Key))}"));
    }
}
