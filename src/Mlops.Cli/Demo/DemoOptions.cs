using Mlops.Core.Analysis;

namespace Mlops.Cli.Demo;

/// <summary>What <c>mlops demo</c> was asked to do.</summary>
public sealed record DemoOptions
{
    /// <summary>The folder the demo is allowed to fill: data, its own registry (<c>MLOPS_HOME</c>), models, logs, the report.</summary>
    public required string Workdir { get; init; }

    /// <summary>A folder with <c>reference.csv</c> and <c>month-1.csv</c> …; null: generate the talk's data.</summary>
    public string? Data { get; init; }

    /// <summary>Production months replayed through the service.</summary>
    public int Months { get; init; } = 36;

    /// <summary>Months until a month's ground truth arrives (the talk: two years).</summary>
    public int LabelDelay { get; init; } = GroundTruthSchedule.DefaultLabelDelayMonths;

    /// <summary>Leave the service and the monitor running when the story is told.</summary>
    public bool KeepRunning { get; init; }

    /// <summary>Skip the HTML report.</summary>
    public bool WriteReport { get; init; } = true;

    /// <summary>The story ends at month <see cref="Months"/>; the latest month whose labels have arrived by then.</summary>
    public int LabeledMonth => new GroundTruthSchedule(LabelDelay).LastLabeledMonth(Months)
        ?? throw new InvalidOperationException($"no month's labels arrive by month {Months} with a delay of {LabelDelay}");
}
