using System.Globalization;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Simulation;
using Spectre.Console;

namespace Mlops.Cli.Commands.Simulation;

/// <summary>The lines <c>mlops simulate</c> prints: a header, one line per month, a summary.</summary>
internal static class SimulationView
{
    public static void Header(IAnsiConsole console, ReplayOptions options, ProductionReplay replay, int months)
    {
        var pace = options.Rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{options.Rate:0.#} requests/s") : "as fast as it answers";
        console.MarkupLineInterpolated(
            $"replaying {months} months of [bold]{options.DataFolder}[/] (problem {replay.Problem?.Name}) to [bold]{replay.Target}[/], {options.Concurrency} customers at a time, {pace}; drift from {options.Monitor}, dataset {replay.Dataset}");
        console.MarkupLine("[grey]month   rows  answered  rejected  fallback  dataset drift  drifted features[/]");
    }

    public static void Month(IAnsiConsole console, MonthResult m)
    {
        var drift = m.Drift is null ? "[grey]-  [/]" : m.Drift.DatasetDrift ? "[red bold]yes[/]" : "no ";
        var columns = m.Drift is null
            ? $"[grey]{Markup.Escape(m.Note ?? "no report")}[/]"
            : (m.Drift.DriftedColumns.Count == 0 ? "-" : Markup.Escape(string.Join(", ", m.Drift.DriftedColumns)))
              + (m.Note is null ? "" : $"  [yellow]{Markup.Escape(m.Note)}[/]");
        var rejected = m.Rejected > 0 ? $"[yellow]{m.Rejected,8}[/]" : $"{m.Rejected,8}";
        var failed = m.Failed > 0 ? $"  [red]{m.Failed} failed[/]" : "";
        var fallback = m.FallbackRate is { } rate ? Format.Percent(rate) : "-";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Month,5}  {m.Sent,5}  {m.Answered,8}  {rejected}  {fallback,8}  {drift}            {columns}{failed}"));
    }

    public static void Summary(IAnsiConsole console, SimulationReport report, int plannedMonths)
    {
        var perSecond = report.Seconds > 0 ? report.Sent / report.Seconds : 0;
        var fallback = report.Mode == "mock" || report.Answered == 0 ? "" : $" ({Format.Percent((double)report.Fallback / report.Answered)} by the fallback)";
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{report.Sent:N0} rows in {report.Seconds:F1} s ({perSecond:N0} rows/s): {report.Answered:N0} answered{fallback}, {report.Rejected:N0} rejected, {report.Failed:N0} failed");
        if (report.Interrupted)
        {
            var partial = report.Months.LastOrDefault(m => m.Note == "interrupted");
            var complete = report.Months.Count - (partial is null ? 0 : 1);
            var where = partial is null ? "" : string.Create(CultureInfo.InvariantCulture, $" in month {partial.Month} ({partial.Sent:N0} of {partial.Rows:N0} rows sent)");
            console.MarkupLineInterpolated($"[yellow]interrupted[/]{where} after {complete} of {plannedMonths} months: {what}");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]done[/]: {report.Months.Count} months, {what}");
        }
    }
}
