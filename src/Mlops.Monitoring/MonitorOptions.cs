using Mlops.Core.PredictionLog;
using Mlops.Hosting.Access;
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

    /// <summary>Per dataset, the model and calibration of the label-free performance estimate of each window (<c>mlops_performance_estimated</c>).</summary>
    public IReadOnlyDictionary<string, RecordEstimator> Estimators { get; init; } = new Dictionary<string, RecordEstimator>();

    /// <summary>Host names it answers to, and who may post rows and ask for a calculation: loopback only unless told otherwise.</summary>
    public AccessPolicy Access { get; init; } = new();

    /// <summary>Most rows one <c>/iterate</c> request may carry (413 beyond): the service forwards 100 at a time, the seed's client one.</summary>
    public int MaxRowsPerRequest { get; init; } = 10_000;

    /// <summary>Largest <c>/iterate</c> body (413 beyond): 10,000 whole CSV rows take about 2 MB. A 100,000-row post grew the monitor to 0.5 GB before.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;
}
