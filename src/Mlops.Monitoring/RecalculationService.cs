using Microsoft.Extensions.Hosting;

namespace Mlops.Monitoring;

/// <summary>
/// Computes drift for rows that arrived after the last report once the calculation period has passed,
/// so the metrics always reach the latest window even when the client stops posting.
/// </summary>
internal sealed class RecalculationService(DriftMonitor monitor) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(monitor.Config.CalculationPeriodSeconds / 2, 0.1, 1.0));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                monitor.CalculatePending();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
