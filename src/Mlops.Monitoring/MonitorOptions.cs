using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;

namespace Mlops.Monitoring;

/// <summary>How to run the monitor: what to watch, where to listen, and any extra row sources.</summary>
public sealed record MonitorOptions
{
    /// <summary>The seed's monitoring port.</summary>
    public const int DefaultPort = 8085;

    public required MonitorConfig Config { get; init; }

    /// <summary>Addresses to listen on, e.g. <c>http://localhost:8085</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [$"http://localhost:{DefaultPort}"];

    /// <summary>Sources of rows besides HTTP (the serving prediction log, later).</summary>
    public IReadOnlyList<IRowSource> RowSources { get; init; } = [];

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
