using Mlops.Cli.Infrastructure;
using Mlops.Core.Drift;
using Spectre.Console;

namespace Mlops.Cli.Commands.Monitoring;

/// <summary>A drift report as a console table: one row per column, the prediction apart.</summary>
public static class DriftTable
{
    public static Table Of(DatasetDriftReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Title($"[bold]{title}[/] ({report.ReferenceRows} vs {report.CurrentRows} rows)");
        table.AddColumn("column");
        table.AddColumn("type");
        table.AddColumn("test");
        table.AddColumn(new TableColumn("score").RightAligned());
        table.AddColumn(new TableColumn("threshold").RightAligned());
        table.AddColumn("drifted");
        foreach (var column in report.Columns)
        {
            AddRow(table, column, column.Column);
        }

        if (report.PredictionDrift is { } prediction)
        {
            AddRow(table, prediction, $"{prediction.Column} (prediction, not counted)");
        }

        return table;
    }

    public static string Verdict(DatasetDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var share = $"{report.NumberOfDriftedColumns} of {report.NumberOfColumns} columns drifted ({Format.Percent(report.ShareOfDriftedColumns)}, threshold {Format.Percent(report.DriftShare)})";
        return report.DatasetDrift ? $"[red bold]dataset drift[/]: {share}" : $"[green]no dataset drift[/]: {share}";
    }

    private static void AddRow(Table table, ColumnDrift column, string name) => table.AddRow(
        Markup.Escape(name),
        column.ColumnType,
        column.StatTest,
        Score(column.DriftScore),
        Format.Number(column.Threshold, 2),
        column.Drifted ? "[red]yes[/]" : "no");

    private static string Score(double score) => score is > 0 and < 0.001 ? score.ToString("0.00E+0", System.Globalization.CultureInfo.InvariantCulture) : Format.Number(score, 4);
}
