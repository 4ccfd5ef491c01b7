using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Models;

/// <summary>
/// Polls the model source's revision (cheap: one registry query) and swaps in the new model when a
/// promotion or rollback changed it. Requests in flight finish with the model they started with; a
/// failed load keeps the old model and is logged once per revision.
/// </summary>
public sealed partial class ModelReloader(
    IModelSource source, ModelHolder holder, ServingMetrics metrics, ILogger<ModelReloader> logger, TimeProvider time, TimeSpan interval)
    : BackgroundService
{
    /// <summary>How long a replaced model stays usable for requests that picked it up just before the swap.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    /// <summary>A revision that failed to load is tried again after this long (a half-copied file, a locked database).</summary>
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromSeconds(30);

    private (long Revision, DateTimeOffset At)? _failed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            CheckOnce();
        }
    }

    /// <summary>One poll: reload when the source's revision differs from the served one.</summary>
    public void CheckOnce()
    {
        long revision;
        try
        {
            revision = source.Revision();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPollFailed(logger, e, source.Description);
            return;
        }

        var current = holder.Current;
        if (revision == current.Revision || (_failed is { } failed && failed.Revision == revision && time.GetUtcNow() - failed.At < RetryFailedAfter))
        {
            return;
        }

        ServedModel next;
        try
        {
            next = source.Load();
            if (!Recording.RecordedRow.Fits(current.Problem, next.Problem))
            {
                // The log's table and the monitor's reference have the served problem's columns: rows of another would not fit.
                (next.Model as IDisposable)?.Dispose();
                throw new InvalidOperationException($"the model is for problem '{next.Problem.Name}', the service answers for '{current.Problem.Name}': start a service for it");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failed = (revision, time.GetUtcNow());
            metrics.ReloadFailed();
            LogReloadFailed(logger, e, source.Description, current.Version);
            return;
        }

        _failed = null;
        var previous = holder.Swap(next);
        metrics.Serving(next, previous);
        metrics.Reloaded();
        LogReloaded(logger, previous.Version, next.Version, next.Origin);
        Retire(previous);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        (holder.Current.Model as IDisposable)?.Dispose();
    }

    /// <summary>Disposes a replaced model once no request can still be using it.</summary>
    private void Retire(ServedModel previous)
    {
        if (previous.Model is IDisposable disposable)
        {
            _ = Task.Delay(RetireAfter, time).ContinueWith(_ => disposable.Dispose(), TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "model reloaded: {Previous} -> {Next} ({Origin})")]
    private static partial void LogReloaded(ILogger logger, string previous, string next, string origin);

    [LoggerMessage(Level = LogLevel.Error, Message = "model reload from {Source} failed; still serving {Current}")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string source, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "cannot read the revision of {Source}; still serving the current model")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string source);
}
