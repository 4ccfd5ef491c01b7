using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Analysis;

/// <summary>
/// <c>mlops analyze</c>: the talk's closing act — drift is obvious, but is it a problem? For any problem
/// (the model's card names it): drift per feature and month, the model's predictions, its accuracy
/// (estimated without labels, realised once they have arrived), data quality and the interpretation, as
/// a self-contained HTML report and/or JSON.
/// </summary>
public sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-r|--reference <FILE>")]
        [Description("The reference data (what the model was trained on).")]
        public string? Reference { get; init; }

        [CommandOption("-c|--current <FILE>")]
        [Description("Production months named month-N.csv (repeat the option, list the files after it, or give a folder).")]
        public string[] Current { get; init; } = [];

        [CommandArgument(0, "[FILES]")]
        [Description("More month files, e.g. from a shell glob after --current.")]
        public string[] Files { get; init; } = [];

        [CommandOption("-m|--model <VERSION|DIR>")]
        [Description("Model folder or registry version; default: the registry's production model, if any.")]
        public string? Model { get; init; }

        [CommandOption("--at-month <N>")]
        [Description("The simulated now: later months are left out, labels used only once arrived. Default: the last month given.")]
        public int? AtMonth { get; init; }

        [CommandOption("--label-delay <MONTHS>")]
        [Description("Months until a month's ground truth arrives.")]
        [DefaultValue(GroundTruthSchedule.DefaultLabelDelayMonths)]
        public int LabelDelay { get; init; } = GroundTruthSchedule.DefaultLabelDelayMonths;

        [CommandOption("--month <N>")]
        [Description("The month whose histograms are drawn against the reference. Default: the latest.")]
        public int? Month { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("The HTML report to write (self-contained: opens without network).")]
        public string? Out { get; init; }

        [CommandOption("--json")]
        [Description("Print the analysis's numbers as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Reference))
            {
                return ValidationResult.Error("--reference FILE is required: the data the model was trained on");
            }

            if (Current.Length + Files.Length == 0)
            {
                return ValidationResult.Error("--current FILE is required: one or more month-N.csv files (or a folder of them)");
            }

            if (string.IsNullOrWhiteSpace(Out) && !Json)
            {
                return ValidationResult.Error("--out FILE is required (the HTML report), unless --json prints the numbers");
            }

            return LabelDelay < 0 ? ValidationResult.Error($"--label-delay must be 0 or more, got {LabelDelay}") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (model, loaded) = AnalyzedModelSource.Resolve(settings.Model);
        using var disposeModel = loaded;
        var options = new AnalysisOptions
        {
            GroundTruth = new GroundTruthSchedule(settings.LabelDelay),
            AtMonth = settings.AtMonth,
            HistogramMonth = settings.Month,
        };
        // The files are read through the model's problem (its card embeds it); without a model, the talk's.
        var problem = model?.Problem ?? ProblemSchema.Insurance;
        var reference = ProblemMonth.Read(settings.Reference!, problem, 0);
        var months = MonthFiles(settings).Select(path => ProblemMonth.Read(path, problem, MonthFile.MonthOf(path))).ToArray();
        var analysis = ProductionAnalyzer.Analyze(reference, ContentHash.OfFile(settings.Reference!), months, model, options);
        if (settings.Out is not null)
        {
            AnalysisReport.Write(analysis, settings.Out, options.Fallback.MinCertainty);
        }

        if (settings.Json)
        {
            JsonOutput.Write(analysis);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{analysis.Reference}[/] against {MonthList.Describe(analysis.Months)} at month {analysis.AtMonth}; labels known for {MonthList.Describe(analysis.LabeledMonths)}; model: {analysis.Model ?? "none"}");
        foreach (var note in analysis.Notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]note[/]: {note}");
        }

        foreach (var observation in analysis.Observations)
        {
            AnsiConsole.MarkupLineInterpolated($"- [bold]{observation.Topic}[/]: {observation.Text}");
            if (observation.Meaning is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"  [green]→ {observation.Meaning}[/]");
            }
        }

        if (settings.Out is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"wrote [bold]{settings.Out}[/]");
        }

        return ExitCodes.Success;
    }

    /// <summary>The files of --current and the arguments after it; a folder stands for its month-N.csv files.</summary>
    private static IEnumerable<string> MonthFiles(Settings settings)
    {
        foreach (var path in settings.Current.Concat(settings.Files))
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.csv").Where(f => MonthFile.TryMonthOf(f, out _)).ToArray();
                if (found.Length == 0)
                {
                    throw new UsageException($"{path}: the folder holds no month-N.csv files");
                }

                foreach (var file in found)
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
