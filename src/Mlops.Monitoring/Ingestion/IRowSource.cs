namespace Mlops.Monitoring.Ingestion;

/// <summary>
/// A source of production rows besides HTTP, e.g. a follower of the serving prediction log. The monitor
/// runs each registered source in the background until shutdown; the source feeds rows with
/// <see cref="DriftMonitor.Add(string, IEnumerable{IReadOnlyDictionary{string, double}})"/>.
/// </summary>
public interface IRowSource
{
    /// <summary>A name for logs.</summary>
    string Name { get; }

    /// <summary>Feeds rows into the monitor until cancelled; ends with <see cref="OperationCanceledException"/> then.</summary>
    Task RunAsync(DriftMonitor monitor, CancellationToken cancellationToken);
}
