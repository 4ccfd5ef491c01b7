namespace Mlops.Cli.Stack;

/// <summary>
/// Where <c>mlops up</c> keeps what it started: <c>$MLOPS_HOME/run/</c> with the state file
/// (<c>stack.json</c>: processes, PIDs, URLs), one log file per process, and Prometheus' rendered
/// configuration and storage.
/// </summary>
public sealed class StackLayout(string home)
{
    public string Home { get; } = Path.GetFullPath(home);

    public string RunFolder => Path.Combine(Home, "run");

    public string StateFile => Path.Combine(RunFolder, "stack.json");

    public string PrometheusFolder => Path.Combine(RunFolder, "prometheus");

    public string PrometheusStorage => Path.Combine(PrometheusFolder, "data");

    public string Log(string process) => Path.Combine(RunFolder, process + ".log");
}
