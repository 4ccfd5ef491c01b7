using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Data;
using Mlops.Core.Problems;
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
        [Description("One or more data files: the seed's format, or any problem's with --problem.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--problem <FILE>")]
        [Description("A problem file (see 'mlops schema'): read the data through it (',' or ';' separated, NA for missing); default: the insurance data.")]
        public string? Problem { get; init; }

        [CommandOption("--separator <CHAR>")]
        [Description("With --problem: the separator, ',', ';', '|' or 'tab' (default: detected from the header).")]
        public string? Separator { get; init; }

        [CommandOption("--json")]
        [Description("Print the statistics as JSON instead of tables.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problem = ProblemOption.Read(settings.Problem, settings.Separator);
        var statistics = problem is not null
            ? settings.Files.Select(f => DatasetStatistics.Of(ProblemCsvReader.ReadFile(f, problem.Schema, problem.Separator))).ToList()
            : settings.Files.Select(f => DatasetStatistics.Of(InsuranceCsvReader.ReadFile(f))).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(statistics);
            return ExitCodes.Success;
        }

        foreach (var stats in statistics)
        {
            AnsiConsole.Write(ColumnTable(stats));
            foreach (var (feature, counts) in stats.Categories ?? new Dictionary<string, IReadOnlyDictionary<string, int>>())
            {
                AnsiConsole.Write(CountTable(feature, "category", counts, stats.Rows));
            }

            if (stats.ClassCounts is { } classes)
            {
                AnsiConsole.Write(CountTable("classes", (problem?.Schema ?? ProblemSchema.Insurance).Label.Column, classes, stats.Rows));
            }

            WriteCounts("missing values", stats.MissingValues);
            WriteCounts("impossible values (outside the problem's validity bounds)", stats.ImpossibleValues);
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

    private static void WriteCounts(string what, IReadOnlyDictionary<string, int>? counts)
    {
        if (counts is not null)
        {
            var found = counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}").ToList();
            AnsiConsole.MarkupLineInterpolated($"{what}: {(found.Count == 0 ? "none" : string.Join(", ", found))}");
        }
    }

    private static Table CountTable(string title, string column, IReadOnlyDictionary<string, int> classes, int rows)
    {
        var table = new Table().Title(Markup.Escape(title));
        table.AddColumn(column);
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        foreach (var (name, count) in classes)
        {
            table.AddRow(Markup.Escape(name), Format.Count(count), Format.Percent((double)count / rows));
        }

        return table;
    }
}
