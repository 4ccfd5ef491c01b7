using Mlops.Cli.Stack;
using Spectre.Console;

namespace Mlops.Cli.Commands.Stack;

/// <summary>Where everything of a running stack is, for a person.</summary>
internal static class StackView
{
    public static void Urls(IAnsiConsole console, StackState state)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(2).PadRight(2)).AddColumn();
        string[] order = [LocalDeployment.Service, LocalDeployment.Monitor, LocalDeployment.Prometheus];
        foreach (var process in state.Processes.OrderBy(p => Array.IndexOf(order, p.Name)))
        {
            foreach (var (what, url) in Links(process))
            {
                grid.AddRow(new Text(what), new Text(url));
            }
        }

        // The secret itself is not printed: it stays in the owner-only file that `mlops simulate` reads.
        grid.AddRow(new Text("token (state changes)"), new Text(new StackLayout(state.Home).TokenFile));
        console.Write(grid);
    }

    private static IEnumerable<(string What, string Url)> Links(StackProcess process) => process.Name switch
    {
        LocalDeployment.Service =>
        [
            ("client page", process.Url + "/"),
            ("API docs (Scalar)", process.Url + "/scalar"),
            ("service metrics", process.Url + "/metrics"),
            ("service health", process.Url + "/health"),
        ],
        LocalDeployment.Monitor =>
        [
            ("drift dashboard", process.Url + "/dashboard"),
            ("drift status", process.Url + "/datasets/insurance/drift"),
            ("monitor metrics", process.Url + "/metrics"),
        ],
        LocalDeployment.Prometheus =>
        [
            ("Prometheus", process.Url),
            ("alerts", process.Url + "/alerts"),
        ],
        _ => [(process.Title, process.Url)],
    };
}
