using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mlops.Core.Monitoring;
using Mlops.Core.Problems;
using Mlops.Core.Serialization;

namespace Mlops.Cli.Simulation;

/// <summary>
/// Replays production month by month: every customer of a month is one <c>POST /predict</c> to the
/// prediction service (or, mocked, one <c>POST /iterate/{dataset}</c> to the monitor), with a bounded
/// number of requests in flight and an optional rate. Then it waits until the monitor has received
/// the month's answered rows (the service forwards them in batches, or the monitor follows the
/// prediction log) and asks the monitor for the drift of its window.
/// </summary>
/// <remarks>
/// One request per customer, not <c>/predict/batch</c>: that is production's traffic (one customer
/// asks, one answer; per-request metrics and latencies mean what they say), and the service refuses an
/// impossible customer (negative miles) alone with a 422, where a batch is refused whole for one bad
/// row. The speed comes from concurrency: the service answers many requests at once.
/// </remarks>
public sealed class ProductionReplay : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly ReplayOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _target;
    private MonitorClient? _monitor;
    private readonly RequestPacer _pacer;
    private long _monitorStart = -1;
    private long _expected;

    public ProductionReplay(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // Straight to the services: a proxy from the environment has no business between them.
            UseProxy = false,
            MaxConnectionsPerServer = options.Concurrency + 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = options.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Authorization = options.Token?.Header;
        if (options.Mock)
        {
            // Without a service the problem is the one given, else the talk's: known now, and so is the dataset.
            Problem = options.Problem ?? ProblemSchema.Insurance;
            Dataset = options.Dataset ?? Problem.Name;
        }

        _target = options.Mock
            ? MonitorRoutes.IterateUri(options.Monitor, Dataset!)
            : new Uri(WithSlash(options.Service), "predict");
        _pacer = new RequestPacer(options.Rate);
    }

    /// <summary>Where the rows go: the service's <c>/predict</c>, or the monitor's <c>/iterate/{dataset}</c> when mocked.</summary>
    public Uri Target => _target;

    /// <summary>The problem whose data is replayed (known after <see cref="LoadAsync"/>).</summary>
    public ProblemSchema? Problem { get; private set; }

    /// <summary>The monitor's dataset the rows reach (known after <see cref="LoadAsync"/>).</summary>
    public string? Dataset { get; private set; }

    /// <summary>
    /// Settles the problem (given, else the served model's from the service's <c>/model</c>, else the
    /// talk's) and reads every month file through it first, so a missing or broken file stops the replay
    /// before anything is sent.
    /// </summary>
    public async Task<IReadOnlyList<ReplayMonth>> LoadAsync(CancellationToken cancellationToken)
    {
        // A missing month is the user's to fix before the service is asked anything.
        foreach (var month in _options.Months.Months)
        {
            ReplayMonth.ExistingFile(_options.DataFolder, month);
        }

        Problem ??= _options.Problem ?? await ServedProblemAsync(cancellationToken).ConfigureAwait(false);
        Dataset ??= _options.Dataset ?? Problem.Name;
        var features = new FeatureJson(Problem);
        return [.. _options.Months.Months.Select(m => ReplayMonth.Load(_options.DataFolder, m, forMonitor: _options.Mock, features, _options.Separator))];
    }

    /// <summary>Checks that the service (unless mocked) and the monitor answer, and notes how many rows the monitor had.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (Dataset is null)
        {
            throw new InvalidOperationException("LoadAsync first");
        }

        _monitor = new MonitorClient(_http, _options.Monitor, Dataset);
        if (!_options.Mock)
        {
            var ping = new Uri(WithSlash(_options.Service), "ping");
            try
            {
                using var response = await _http.GetAsync(ping, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new SimulationTargetException($"the prediction service at {_options.Service} answered {(int)response.StatusCode} to /ping");
                }
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(e);
            }
        }

        _monitorStart = await _monitor.RowsReceivedAsync(cancellationToken).ConfigureAwait(false);
        _expected = _monitorStart;
    }

    /// <summary>
    /// Sends one month and reads the monitor's drift after it. When cancelled, returns what was sent so
    /// far (no drift); the caller checks the token.
    /// </summary>
    public async Task<MonthResult> RunMonthAsync(ReplayMonth month, Action? rowDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(month);
        if (_monitorStart < 0)
        {
            throw new InvalidOperationException("ConnectAsync first");
        }

        var stopwatch = Stopwatch.StartNew();
        var counts = new Counts();
        var next = -1;
        _pacer.Restart();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task Customer()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < month.Rows; i = Interlocked.Increment(ref next))
                {
                    await _pacer.WaitAsync(i, failed.Token).ConfigureAwait(false);
                    counts.Add(await SendAsync(month.Bodies[i], failed.Token).ConfigureAwait(false));
                    rowDone?.Invoke();
                }
            }
            catch (SimulationTargetException)
            {
                // The first unreachable answer stops the other customers too.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var customers = Enumerable.Range(0, Math.Min(_options.Concurrency, month.Rows)).Select(_ => Customer()).ToList();
        try
        {
            await Task.WhenAll(customers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return counts.Result(month, stopwatch.Elapsed, drift: null, "interrupted", _options.Mock);
        }

        try
        {
            var note = await WaitForMonitorAsync(counts.Answered, cancellationToken).ConfigureAwait(false);
            var (drift, why) = await _monitor!.CalculateAsync(cancellationToken).ConfigureAwait(false);
            return counts.Result(month, stopwatch.Elapsed, drift, note ?? why, _options.Mock);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return counts.Result(month, stopwatch.Elapsed, drift: null, "interrupted", _options.Mock);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The served model's problem, from the service's <c>GET /model</c> (which embeds it for the client
    /// page); the talk's when the service names none.
    /// </summary>
    private async Task<ProblemSchema> ServedProblemAsync(CancellationToken cancellationToken)
    {
        var model = new Uri(WithSlash(_options.Service), "model");
        byte[] body;
        try
        {
            using var response = await _http.GetAsync(model, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return ProblemSchema.Insurance;
            }

            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SimulationTargetException($"{model} did not answer within {_options.RequestTimeout.TotalSeconds:0} s", e);
        }

        using var document = Json(body) ?? throw new SimulationTargetException($"{model} answered no JSON: is {_options.Service} an mlops serve? (or give --problem FILE)");
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("problem"u8, out var problem)
            || problem.ValueKind != JsonValueKind.Object)
        {
            return ProblemSchema.Insurance;
        }

        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(problem.GetRawText()));
        return ProblemSchemaFile.Parse(json, $"{model} (the served model's problem)");
    }

    /// <summary>Waits until the monitor holds every row answered so far; a note when some never came.</summary>
    private async Task<string?> WaitForMonitorAsync(int answered, CancellationToken cancellationToken)
    {
        _expected += answered;
        var received = await _monitor!.WaitForRowsAsync(_expected, _options.MonitorTimeout, cancellationToken).ConfigureAwait(false);
        if (received >= _expected)
        {
            return null;
        }

        if (received == _monitorStart)
        {
            throw new SimulationTargetException(
                $"the drift monitor at {_options.Monitor} received none of the {_expected - _monitorStart} answered rows within {_options.MonitorTimeout.TotalSeconds:0} s: " +
                $"start the service with 'mlops serve --monitor {_options.Monitor}', or the monitor with 'mlops monitor --prediction-log …'");
        }

        var missing = _expected - received;
        _expected = received; // Lost rows do not come later: the next month waits for its own rows only.
        return $"{missing} answered rows did not reach the monitor in {_options.MonitorTimeout.TotalSeconds:0} s (dropped by the service's forwarder?)";
    }

    private async Task<Outcome> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(_target, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            // The service took the request and its answer broke off (a replica killed under load, its
            // balancer passing the cut on): this request failed; the service is not unreachable.
            return Outcome.Failed;
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SimulationTargetException($"{_target} did not answer within {_options.RequestTimeout.TotalSeconds:0} s", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                if (_options.Mock)
                {
                    return Outcome.Answered;
                }

                var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return IsFallback(answer) ? Outcome.Fallback : Outcome.Answered;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw MonitorClient.Refused(_target, response.StatusCode);
            }

            return (int)response.StatusCode is >= 400 and < 500 ? Outcome.Rejected : Outcome.Failed;
        }
    }

    /// <summary>The answer's <c>source</c> is <c>ML</c> when the model answered, a <c>baseline…</c> text when the fallback did.</summary>
    public static bool IsFallback(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                return !reader.ValueTextEquals("ML"u8);
            }
        }

        return false;
    }

    private static JsonDocument? Json(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SimulationTargetException Unreachable(HttpRequestException e) => _options.Mock
        ? new SimulationTargetException($"cannot reach the drift monitor at {_options.Monitor}: {e.Message} (start it with 'mlops monitor' or 'mlops up')", e)
        : new SimulationTargetException($"cannot reach the prediction service at {_options.Service}: {e.Message} (start it with 'mlops serve' or 'mlops up')", e);

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private enum Outcome
    {
        Answered,
        Fallback,
        Rejected,
        Failed,
    }

    /// <summary>A month's tallies, added to by every concurrent customer.</summary>
    private sealed class Counts
    {
        private int _answered;
        private int _fallback;
        private int _rejected;
        private int _failed;

        public int Answered => Volatile.Read(ref _answered);

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Fallback:
                    Interlocked.Increment(ref _fallback);
                    Interlocked.Increment(ref _answered);
                    break;
                case Outcome.Answered:
                    Interlocked.Increment(ref _answered);
                    break;
                case Outcome.Rejected:
                    Interlocked.Increment(ref _rejected);
                    break;
                default:
                    Interlocked.Increment(ref _failed);
                    break;
            }
        }

        public MonthResult Result(ReplayMonth month, TimeSpan elapsed, MonthDrift? drift, string? note, bool mock)
        {
            var sent = _answered + _rejected + _failed;
            return new MonthResult(month.Month, month.Rows, sent, _answered, _rejected, _failed, _fallback, elapsed.TotalSeconds, drift, note)
            {
                FallbackRate = mock || _answered == 0 ? null : (double)_fallback / _answered,
            };
        }
    }
}
