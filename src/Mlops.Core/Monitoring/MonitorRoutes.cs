namespace Mlops.Core.Monitoring;

/// <summary>
/// The drift monitor's routes, spelled once: the monitor maps these templates, its clients (the
/// service's forwarder, <c>mlops simulate</c>) build their addresses from them. Kept in Core, plain
/// strings and <see cref="Uri"/>s, because the two services must not reference each other and Core has
/// no web dependency.
/// </summary>
public static class MonitorRoutes
{
    /// <summary>Liveness and the monitored datasets.</summary>
    public const string Ping = "/ping";

    /// <summary>The seed's ingestion endpoint: a JSON array of <see cref="MonitorRowFields">rows</see>.</summary>
    public const string Iterate = "/iterate/{dataset}";

    /// <summary>Every dataset's window and latest verdict.</summary>
    public const string Datasets = "/datasets";

    /// <summary>One dataset's <see cref="DatasetStatus"/>; <c>?history=N</c> keeps the last N reports.</summary>
    public const string Drift = "/datasets/{dataset}/drift";

    /// <summary>Computes the window's drift now (a replay closes a month): a <see cref="WindowDrift"/>, or 409 while the window is not full.</summary>
    public const string CalculateDrift = "/datasets/{dataset}/drift/calculate";

    /// <summary>Where rows for <paramref name="dataset"/> are posted.</summary>
    public static Uri IterateUri(Uri monitor, string dataset) => At(monitor, Iterate, dataset);

    /// <summary>The dataset's status, with the last <paramref name="history"/> reports.</summary>
    public static Uri DriftUri(Uri monitor, string dataset, int history) => new(At(monitor, Drift, dataset) + $"?history={history}");

    public static Uri CalculateDriftUri(Uri monitor, string dataset) => At(monitor, CalculateDrift, dataset);

    /// <summary>A template filled in, relative to the monitor's address (which may have a path of its own).</summary>
    private static Uri At(Uri monitor, string template, string dataset)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(dataset);
        var root = monitor.AbsoluteUri.EndsWith('/') ? monitor : new Uri(monitor.AbsoluteUri + "/");
        return new Uri(root, template.TrimStart('/').Replace("{dataset}", Uri.EscapeDataString(dataset), StringComparison.Ordinal));
    }
}
