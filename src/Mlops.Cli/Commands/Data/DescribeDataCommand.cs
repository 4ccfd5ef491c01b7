using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Data;
using Mlops.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Data;

/// <summary><c>mlops data describe</c>: per-column statistics and class counts of one or more data files.</summary>
public sealed class DescribeDataCommand : Command<DescribeDataCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("One or more ';'-separated data files in the seed's format.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--json")]
        [Description("Print the statistics as JSON instead of tables.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var statistics = settings.Files.Select(f => DatasetStatistics.Of(InsuranceCsvReader.ReadFile(f))).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(statistics);
            return ExitCodes.Success;
        }

        foreach (var stats in statistics)
        {
            AnsiConsole.Write(ColumnTable(stats));
            if (stats.ClassCounts is { } classes)
            {
                AnsiConsole.Write(ClassTable(classes, stats.Rows));
            }
        }

        return ExitCodes.Success;
    }

    private static Table ColumnTable(DatasetStatistics stats)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(stats.Dataset)}[/] ({stats.Rows} rows)");
        table.AddColumn("column");
        foreach (var header in new[] { "count", "mean", "std", "min", "max" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var c in stats.Columns)
        {
            table.AddRow(c.Column, Format.Count(c.Count), Format.Number(c.Mean), Format.Number(c.StandardDeviation), Format.Number(c.Min), Format.Number(c.Max));
        }

        return table;
    }

    private static Table ClassTable(IReadOnlyDictionary<string, int> classes, int rows)
    {
        var table = new Table().Title("classes");
        table.AddColumn("group");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        foreach (var (name, count) in classes)
        {
            table.AddRow(name, Format.Count(count), Format.Percent((double)count / rows));
        }

        return table;
    }
}
