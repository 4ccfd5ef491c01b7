using Mlops.Core.PredictionLog;
using Mlops.Hosting.Access;
using Mlops.Serving.Fallback;
using Mlops.Serving.Logging;
using Mlops.Serving.Models;

namespace Mlops.Serving;

/// <summary>Everything the prediction service is started with; the CLI fills it from <c>mlops serve</c>'s options.</summary>
public sealed record ServingOptions
{
    /// <summary>Where the served model comes from (and how the service learns that it changed).</summary>
    public required IModelSource ModelSource { get; init; }

    /// <summary>The model to start with when the caller already loaded it (to open the log with its problem's columns); null: loaded from <see cref="ModelSource"/>.</summary>
    public ServedModel? InitialModel { get; init; }

    /// <summary>"localhost" (loopback), "*" or "0.0.0.0" (every interface, e.g. in a container), or an IP address.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The seed's service port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Answers whose top probability is below this go to the baseline.</summary>
    public double MinCertainty { get; init; } = FallbackPolicy.DefaultMinCertainty;

    /// <summary>The opened prediction log, with the served problem's columns (<see cref="PredictionLogColumns.For"/>); the service owns and disposes it. Null: predictions are not logged.</summary>
    public IPredictionLog? PredictionLog { get; init; }

    /// <summary>Export then prune old rows of <see cref="PredictionLog"/> on a schedule; null: the log keeps everything.</summary>
    public LogRetention? LogRetention { get; init; }

    /// <summary>The drift monitor's base URL; null: nothing is forwarded.</summary>
    public Uri? MonitorUrl { get; init; }

    /// <summary>The token the monitor wants for <c>/iterate</c>; null: the service's own <see cref="Access"/> token (the stacks share one), if any.</summary>
    public ApiToken? MonitorToken { get; init; }

    /// <summary>Host names it answers to, and who may change its state: loopback only unless told otherwise.</summary>
    public AccessPolicy Access { get; init; } = new();

    /// <summary>The dataset name the monitor files the rows under (<c>POST /iterate/{dataset}</c>); null: the served problem's name (the talk's <c>insurance</c>).</summary>
    public string? MonitorDataset { get; init; }

    /// <summary>Origins of other web pages allowed to call the API; the seed's client page ran on port 8000.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = DefaultCorsOrigins;

    /// <summary>The seed's client page ran on port 8000.</summary>
    public static IReadOnlyList<string> DefaultCorsOrigins { get; } = ["http://localhost:8000", "http://127.0.0.1:8000"];

    /// <summary>In <see cref="CorsOrigins"/>: any origin may call the API (the seed's <c>flask_cors</c> default).</summary>
    public const string AnyOrigin = "*";

    /// <summary>In <see cref="CorsOrigins"/>: the origin a browser sends for a page opened as a file (<c>file://…/client.html</c>).</summary>
    public const string NullOrigin = "null";

    public int MaxBodyBytes { get; init; } = 16 * 1024;

    public int MaxBatchRows { get; init; } = 1000;

    public int MaxBatchBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>POST /labels: room for a month of labels by prediction id (1,500 × ~70 bytes) many times over.</summary>
    public int MaxLabelBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How often the model source is asked whether the model changed.</summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int PredictionLogCapacity { get; init; } = 100_000;

    /// <summary>Durable (the default): an answer waits for its row's commit; buffered: it does not (and can be lost).</summary>
    public PredictionLogDurability PredictionLogDurability { get; init; } = PredictionLogDurability.Durable;

    /// <summary>Durable: how long an answer waits for its commit before the request gets 503.</summary>
    public TimeSpan PredictionLogCommitTimeout { get; init; } = PredictionLogWriter.DefaultCommitTimeout;

    public int MonitorBatchRows { get; init; } = 100;

    public TimeSpan MonitorFlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a clean shutdown may take to finish requests and drain the prediction log.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
