using Mlops.Cli.Simulation;

namespace Mlops.Cli.Commands.Simulation;

/// <summary>What <c>mlops simulate --json</c> prints: where the rows went, and every month's result.</summary>
public sealed record SimulationReport(
    string Mode,
    string Target,
    string Monitor,
    string Data,
    int Concurrency,
    double Rate,
    IReadOnlyList<MonthResult> Months,
    int Sent,
    int Answered,
    int Rejected,
    int Failed,
    int Fallback,
    double Seconds,
    bool Interrupted)
{
    public static SimulationReport Of(ReplayOptions options, Uri target, IReadOnlyList<MonthResult> months, double seconds, bool interrupted)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(months);
        return new SimulationReport(
            options.Mock ? "mock" : "service",
            target.ToString(),
            options.Monitor.ToString(),
            options.DataFolder,
            options.Concurrency,
            options.Rate,
            months,
            months.Sum(m => m.Sent),
            months.Sum(m => m.Answered),
            months.Sum(m => m.Rejected),
            months.Sum(m => m.Failed),
            months.Sum(m => m.Fallback),
            seconds,
            interrupted);
    }
}
