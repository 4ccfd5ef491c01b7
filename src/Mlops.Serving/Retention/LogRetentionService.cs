using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Retention;

/// <summary>
/// Runs the <see cref="LogRetention"/> rounds beside the service: the first right after start, then
/// every <see cref="LogRetention.Every"/>. A failing round (archive folder not writable, log busy) is
/// logged and tried again next round; nothing is pruned that was not exported.
/// </summary>
internal sealed partial class LogRetentionService(LogRetention retention, IPredictionLog log, TimeProvider time, ILogger<LogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await retention.RunAsync(log, time.GetUtcNow(), stoppingToken);
                if (round.Export is { } export)
                {
                    LogRound(logger, export.Rows, export.File, round.Prune?.Predictions ?? 0, round.Prune?.LateLabels ?? 0);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(retention.Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "retention: exported {Rows} rows to {File}, pruned {Pruned} (kept back for labels that arrived during the export: {LateLabels})")]
    private static partial void LogRound(ILogger logger, long rows, string file, long pruned, long lateLabels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "retention: the round failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
