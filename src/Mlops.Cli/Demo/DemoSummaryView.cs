using System.Globalization;
using Mlops.Cli.Stack;
using Spectre.Console;

namespace Mlops.Cli.Demo;

/// <summary>The final table: every step, how it ended, the number that matters, and its time; then where things are.</summary>
public static class DemoSummaryView
{
    public static void Write(DemoNarrator narrator, DemoResult result, string stopHint)
    {
        ArgumentNullException.ThrowIfNull(narrator);
        ArgumentNullException.ThrowIfNull(result);
        var console = narrator.Console;
        narrator.Console.WriteLine();
        narrator.Heading("Summary");
        var table = new Table();
        table.AddColumn("step");
        table.AddColumn("outcome");
        table.AddColumn("key number");
        table.AddColumn(new TableColumn("time").RightAligned());
        foreach (var step in result.Steps)
        {
            table.AddRow(
                Markup.Escape(step.Title),
                Outcome(step.Outcome),
                Markup.Escape(step.Key),
                step.Outcome is DemoOutcome.Skipped or DemoOutcome.KeptRunning ? "" : Seconds(step.Seconds));
        }

        console.Write(table);
        console.MarkupLine($"{Ending(result.Ending)} in [bold]{result.Seconds.ToString("F0", CultureInfo.InvariantCulture)} s[/]");
        if (result.Error is not null)
        {
            console.MarkupLineInterpolated($"[red]error[/]: {result.Error}");
        }

        console.MarkupLineInterpolated($"everything is in [bold]{result.Workdir}[/] (registry: MLOPS_HOME={result.MlopsHome})");
        if (result.Report is not null)
        {
            console.MarkupLineInterpolated($"report: [bold]{result.Report}[/]");
        }

        if (result.KeptRunning)
        {
            foreach (var process in result.Processes)
            {
                var (what, path) = process.Name == LocalDeployment.Service ? ("client page", "/") : ("drift dashboard", "/dashboard");
                console.MarkupLineInterpolated($"{what}: [bold]{process.Url}{path}[/]");
            }

            console.MarkupLineInterpolated($"the service and the monitor keep running; stop them with: [bold]{stopHint}[/]");
        }
    }

    /// <summary>Tenths of a second; hundredths below one second, so a quick step does not read "0.0 s".</summary>
    private static string Seconds(double seconds) =>
        seconds.ToString(seconds < 1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    private static string Outcome(DemoOutcome outcome) => outcome switch
    {
        DemoOutcome.Passed or DemoOutcome.Promoted or DemoOutcome.Done => $"[green]{Name(outcome)}[/]",
        DemoOutcome.Failed or DemoOutcome.Refused or DemoOutcome.BackToPhaseI => $"[yellow]{Name(outcome)}[/]",
        DemoOutcome.Error or DemoOutcome.Interrupted => $"[red]{Name(outcome)}[/]",
        _ => Name(outcome),
    };

    public static string Name(DemoOutcome outcome) => outcome switch
    {
        DemoOutcome.BackToPhaseI => "back to phase I",
        DemoOutcome.KeptRunning => "kept running",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Ending(DemoEnding ending) => ending switch
    {
        DemoEnding.BackToPhaseI => "[green]the story ran[/]: the retrained model misses the requirements — back to phase I",
        DemoEnding.CandidatePromoted => "[green]the story ran[/]: the retrained model met every invariant and is in production",
        DemoEnding.ProductionStillValid => "[green]the story ran[/]: production still meets its invariants on the late labels",
        DemoEnding.Interrupted => "[yellow]interrupted[/]",
        _ => "[red]a step failed[/]",
    };
}
