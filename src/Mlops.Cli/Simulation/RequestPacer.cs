namespace Mlops.Cli.Simulation;

/// <summary>
/// Spaces requests evenly at a rate: request i of a month is due i / rate seconds after the month
/// started, whichever worker sends it. A rate of 0 never waits.
/// </summary>
public sealed class RequestPacer(double requestsPerSecond, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _start;

    public double Rate => requestsPerSecond;

    /// <summary>Starts a month's clock.</summary>
    public void Restart() => _start = _time.GetTimestamp();

    /// <summary>How long request <paramref name="index"/> must still wait.</summary>
    public TimeSpan Delay(long index)
    {
        if (requestsPerSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var due = TimeSpan.FromSeconds(index / requestsPerSecond);
        var late = due - _time.GetElapsedTime(_start);
        return late > TimeSpan.Zero ? late : TimeSpan.Zero;
    }

    public Task WaitAsync(long index, CancellationToken cancellationToken)
    {
        var delay = Delay(index);
        return delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
    }
}
