using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mlops.Core.Monitoring;
using Mlops.Core.Serialization;

namespace Mlops.Cli.Simulation;

/// <summary>The replay's view of the drift monitor, through the wire contract (<see cref="MonitorRoutes"/>, <see cref="DatasetStatus"/>, <see cref="WindowDrift"/>): is it there, how many rows has it received, and its drift verdict now.</summary>
public sealed class MonitorClient(HttpClient http, Uri monitor, string dataset)
{
    private readonly Uri _status = MonitorRoutes.DriftUri(monitor, dataset, history: 0);
    private readonly Uri _calculate = MonitorRoutes.CalculateDriftUri(monitor, dataset);

    public Uri Url => monitor;

    /// <summary>Rows the dataset has received so far; throws <see cref="SimulationTargetException"/> when the monitor is not there or lacks the dataset.</summary>
    public async Task<long> RowsReceivedAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.GetAsync(_status, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SimulationTargetException($"the drift monitor at {monitor} does not monitor dataset '{dataset}' (or is not an mlops monitor)");
        }

        response.EnsureSuccessStatusCode();
        var status = await ReadAsync<DatasetStatus>(response, cancellationToken).ConfigureAwait(false);
        return status.Window.RowsReceived;
    }

    /// <summary>Polls until the dataset received <paramref name="expected"/> rows or the time is up; returns the last count.</summary>
    public async Task<long> WaitForRowsAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var received = await RowsReceivedAsync(cancellationToken).ConfigureAwait(false);
            if (received >= expected || DateTime.UtcNow >= deadline)
            {
                return received;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
        }
    }

    /// <summary>The drift of the window now (the monitor computes it if rows arrived since its last report); null and why when the window is not full.</summary>
    public async Task<(MonthDrift? Drift, string? Note)> CalculateAsync(CancellationToken cancellationToken)
    {
        // A JSON body, even an empty one: the monitor takes state changes as JSON only (no cross-site form posts).
        using var response = await SendAsync(() => http.PostAsync(_calculate, JsonContent.Create(new { }), cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Refused(_calculate, response.StatusCode);
        }

        if (response.StatusCode != HttpStatusCode.Conflict && !response.IsSuccessStatusCode)
        {
            return (null, $"the monitor answered {(int)response.StatusCode} to {_calculate}");
        }

        return response.StatusCode == HttpStatusCode.Conflict
            ? (null, (await ReadAsync<ConflictDetail>(response, cancellationToken).ConfigureAwait(false)).Detail ?? "the window is not full yet")
            : (Drift(await ReadAsync<WindowDrift>(response, cancellationToken).ConfigureAwait(false)), null);
    }

    /// <summary>The monitor wants a token we do not have (401) or takes state changes from its own machine only (403).</summary>
    internal static SimulationTargetException Refused(Uri target, HttpStatusCode status) => new(status == HttpStatusCode.Unauthorized
        ? $"the drift monitor refused {target} (401): set {Mlops.Hosting.Access.ApiToken.EnvironmentVariable} or --token-file to its token"
        : $"the drift monitor refused {target} (403): without a token it takes rows from its own machine only; start it with a token and pass the same with --token-file");

    /// <summary>The month's view of the monitor's report: the drifted features and their scores.</summary>
    internal static MonthDrift Drift(WindowDrift windowDrift)
    {
        var report = windowDrift.Report;
        return new MonthDrift(
            report.DatasetDrift,
            [.. report.Columns.Where(c => c.Drifted).Select(c => c.Column)],
            report.ShareOfDriftedColumns,
            windowDrift.RowsReceived,
            windowDrift.FallbackRate,
            report.PredictionDrift?.Drifted,
            report.Columns.ToDictionary(c => c.Column, c => c.DriftScore, StringComparer.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SimulationTargetException($"cannot reach the drift monitor at {monitor}: {e.Message} (start it with 'mlops monitor' or 'mlops up')", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SimulationTargetException($"the drift monitor at {monitor} did not answer in time", e);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<T>(body, MlopsJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new SimulationTargetException($"the drift monitor at {monitor} answered null");
    }

    /// <summary>The part of a problem-details answer a replay shows.</summary>
    private sealed record ConflictDetail(string? Detail);
}
