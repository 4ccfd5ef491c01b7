using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mlops.Monitoring;

/// <summary>Runs the configured <see cref="Ingestion.IRowSource"/>s until shutdown; a failing source is logged, the service goes on.</summary>
internal sealed partial class RowSourceService(DriftMonitor monitor, MonitorOptions options, ILogger<RowSourceService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.RowSources.Select(async source =>
        {
            try
            {
                await source.RunAsync(monitor, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSourceFailed(logger, source.Name, e);
            }
        }));

    [LoggerMessage(Level = LogLevel.Error, Message = "row source {Source} stopped")]
    private static partial void LogSourceFailed(ILogger logger, string source, Exception exception);
}
