using Mlops.Cli.Infrastructure;
using Mlops.Core.Validation;
using Spectre.Console;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// A validation report for people: every check with its measured value, bound, margin and result;
/// the model's accuracy beside the baseline's; and what failed by how much.
/// </summary>
internal static class ValidationReportView
{
    public static void Write(IAnsiConsole console, ValidationReport report)
    {
        console.Write(Checks(report));
        if (report.Accuracy is not null)
        {
            console.Write(Accuracies(report));
        }

        if (report.AccuracyDrop is { } drop && report.SameDataAsTraining == false)
        {
            console.MarkupLineInterpolated(
                $"test accuracy {Format.Number(report.Accuracy!.Test)} on {report.DataFile} against {Format.Number(report.TrainedTestAccuracy!.Value)} when trained on {report.ModelTrainingDataFile}: [bold]{(drop >= 0 ? "drop" : "gain")} of {Format.Number(Math.Abs(drop))}[/]");
        }

        var failed = report.Failed.ToList();
        if (failed.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]PASSED[/]: all {report.Checks.Count} invariants hold");
            return;
        }

        console.MarkupLineInterpolated($"[red]FAILED[/]: {failed.Count} of {report.Checks.Count} invariants do not hold");
        foreach (var check in failed)
        {
            var by = check.Margin is { } margin ? $" by {Measured(check.Name, Math.Abs(margin))}" : "";
            console.MarkupLineInterpolated($"  {check.Name}: {Measured(check.Name, check.Measured)} misses {check.Bound}{by}");
        }
    }

    private static Table Checks(ValidationReport report)
    {
        var table = new Table().Title(Markup.Escape(
            $"invariants of {report.Model ?? report.ModelTrainer ?? "the model"} on {report.DataFile} ({report.Rows} rows, spec v{report.SpecVersion})"));
        table.AddColumn("check");
        table.AddColumn(new TableColumn("measured").RightAligned());
        table.AddColumn(new TableColumn("bound").RightAligned());
        table.AddColumn(new TableColumn("margin").RightAligned());
        table.AddColumn("result");
        foreach (var check in report.Checks)
        {
            table.AddRow(
                Markup.Escape(check.Name),
                Measured(check.Name, check.Measured),
                Markup.Escape(check.Bound),
                check.Margin is { } margin ? Measured(check.Name, margin) : "-",
                check.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }

        return table;
    }

    private static Table Accuracies(ValidationReport report)
    {
        var table = new Table().Title("accuracy");
        table.AddColumn("model");
        table.AddColumn(new TableColumn("train part").RightAligned());
        table.AddColumn(new TableColumn("test part").RightAligned());
        table.AddColumn(new TableColumn("all rows").RightAligned());
        var model = report.Accuracy!;
        table.AddRow(Markup.Escape(report.ModelTrainer ?? "model"), Format.Number(model.Train), Format.Number(model.Test), Format.Number(model.All));
        if (report.BaselineAccuracy is { } baseline)
        {
            table.AddRow("baseline (rules)", Format.Number(baseline.Train), Format.Number(baseline.Test), Format.Number(baseline.All));
        }

        return table;
    }

    /// <summary>The failed checks on one line: <c>name measured (bound)</c>, e.g. <c>class_count_high 305 (400 .. 600)</c>.</summary>
    public static string FailedInline(ValidationReport report) =>
        string.Join(", ", report.Failed.Select(c => $"{c.Name} {Measured(c.Name, c.Measured)} ({c.Bound})"));

    /// <summary>Class counts are whole rows; everything else is a share or probability.</summary>
    private static string Measured(string check, double value) =>
        check.StartsWith("class_count_", StringComparison.Ordinal) ? Format.Number(value, 0) : Format.Number(value);
}
