namespace Mlops.Cli.Simulation;

/// <summary>What <c>mlops simulate</c> replays, where to, and how fast.</summary>
public sealed record ReplayOptions
{
    /// <summary>The prediction service (unused with <see cref="Mock"/>).</summary>
    public required Uri Service { get; init; }

    /// <summary>The drift monitor: its window is read after each month.</summary>
    public required Uri Monitor { get; init; }

    /// <summary>The monitor's dataset the rows reach; null: the problem's name (the talk's: <c>insurance</c>, where <c>mlops serve</c> forwards).</summary>
    public string? Dataset { get; init; }

    /// <summary>Folder with <c>month-1.csv</c> … <c>month-N.csv</c>.</summary>
    public required string DataFolder { get; init; }

    /// <summary>
    /// The problem whose data the month files are; null: the served model's (asked from the service's
    /// <c>/model</c>), with <see cref="Mock"/> the talk's insurance problem.
    /// </summary>
    public Mlops.Core.Problems.ProblemSchema? Problem { get; init; }

    /// <summary>The month files' column separator; null: detected.</summary>
    public char? Separator { get; init; }

    public required MonthRange Months { get; init; }

    /// <summary>Requests per second over all workers; 0 sends as fast as the service answers.</summary>
    public double Rate { get; init; }

    /// <summary>Requests in flight at once: concurrent customers.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Send the rows straight to the monitor's <c>/iterate/{dataset}</c>, as the seed's mock client did, without the service.</summary>
    public bool Mock { get; init; }

    /// <summary>How long to wait for a month's answered rows to reach the monitor.</summary>
    public TimeSpan MonitorTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The monitor's token (<c>/iterate</c> with <see cref="Mock"/>, <c>drift/calculate</c> after each month); null: none set.</summary>
    public Mlops.Hosting.Access.ApiToken? Token { get; init; }

    /// <summary>A request that takes longer fails the replay.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Enough customers at once to keep two cores busy without queueing inside the service.</summary>
    public const int DefaultConcurrency = 16;
}
