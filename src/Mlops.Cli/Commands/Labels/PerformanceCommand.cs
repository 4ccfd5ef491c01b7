using System.ComponentModel;
using System.Globalization;
using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Labels;

/// <summary><c>mlops performance</c>: realised accuracy of what production answered, from the prediction log joined to its late labels.</summary>
public sealed class PerformanceCommand : AsyncCommand<PerformanceCommand.Settings>
{
    public sealed class Settings : RecordSettings
    {
        [CommandOption("--by <PERIOD>")]
        [Description("Group the answers by day, week or month (UTC), or all in one.")]
        [DefaultValue("month")]
        public string By { get; init; } = "month";

        [CommandOption("--key-prefix <PREFIX>")]
        [Description("Only the answers whose request_id starts with PREFIX (a customer group; m12- is month 12 of mlops simulate).")]
        public string? KeyPrefix { get; init; }

        [CommandOption("-m|--model <MODEL>")]
        [Description("The model whose accuracy is estimated and scored again from the logged inputs: a folder or a registry version (vN, hash prefix, production); default the registry's production model.")]
        public string? Model { get; init; }

        [CommandOption("-r|--reference <FILE>")]
        [Description("Labeled reference data to calibrate the label-free estimate on (the model's training file is cross-fitted, as analyze does); without it there is no estimate.")]
        public string? Reference { get; init; }

        public override ValidationResult Validate() =>
            PerformancePeriods.Parse(By) is null
                ? ValidationResult.Error($"--by must be day, week, month or all, got '{By}'")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = settings.Target();
        await using var log = await target.OpenAsync(cancellationToken: cancellationToken);
        var notes = new List<string>();
        var (model, loaded) = AnalyzedModelSource.Resolve(settings.Model);
        using var disposeModel = loaded;

        // The classes are the model's problem's (its card embeds it); without a model, the talk's.
        var problem = model?.Problem ?? ProblemSchema.Insurance;
        var estimator = Estimator(model, settings, notes);
        var periods = await RecordPerformance.ComputeAsync(
            log, PerformancePeriods.Parse(settings.By)!.Value, estimator, settings.KeyPrefix, problem, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(periods);
            return ExitCodes.Success;
        }

        var classes = string.Join(" · ", problem.Label.Classes.Select(c => c.Name));
        var table = new Table().AddColumns("period", "predictions", "labeled", "realised accuracy", "model's answers", "model on all labeled", "estimated (CBPE)", $"precision / recall {classes}");
        foreach (var p in periods)
        {
            table.AddRow(
                p.Period,
                p.Predictions.ToString("N0", CultureInfo.InvariantCulture),
                $"{p.Labeled.ToString("N0", CultureInfo.InvariantCulture)} ({p.LabeledShare:P0})",
                Number(p.RealisedAccuracy),
                $"{Number(p.ModelAccuracy)} ({p.ModelLabeled.ToString("N0", CultureInfo.InvariantCulture)})",
                Number(p.ScoredAccuracy),
                p.EstimatedAccuracy is { } e ? $"{Number(e)} ± {Number(p.EstimateStandardError)}" : "–",
                string.Join(" · ", p.Classes.Select(c => $"{Number(c.Precision)}/{Number(c.Recall)}")));
        }

        AnsiConsole.MarkupLineInterpolated($"[green]performance[/] from {target}: answers joined to their late labels");
        AnsiConsole.Write(table);
        if (estimator is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"model {estimator.Model.Label}; estimate calibrated on {estimator.Calibration.CalibrationData}");
        }

        foreach (var note in notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]note:[/] {note}");
        }

        return ExitCodes.Success;
    }

    /// <summary>The model and its calibration, when a model is named or in production and a reference is given.</summary>
    private static RecordEstimator? Estimator(AnalyzedModel? model, Settings settings, List<string> notes)
    {
        if (model is null)
        {
            notes.Add("no model given and no production model in the registry: no estimate, no scored accuracy");
            return null;
        }

        if (settings.Reference is null)
        {
            notes.Add("no --reference: the label-free estimate needs labeled reference rows to calibrate on: no estimate, no scored accuracy");
            return null;
        }

        return RecordEstimator.Calibrate(model, settings.Reference, notes);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
