using System.Globalization;
using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Simulation;
using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Core.Registry;

namespace Mlops.Cli.Demo;

/// <summary>
/// The turning point told from the production record: the labels of months 1 … N arrive as one file
/// keyed by each customer's <c>request_id</c> (what <c>mlops simulate</c> sent), go in with
/// <c>labels add</c>, and <c>performance</c> reads month N's realised accuracy from what the service
/// actually answered — beside the model alone on the same customers (the offline analysis's figure)
/// and the label-free estimate.
/// </summary>
public sealed class RecordAct(DemoNarrator narrator, DemoWorkspace workspace, DemoData data)
{
    /// <summary>Posts the labels of months 1 … <paramref name="labeledMonth"/> and reads that month's performance from the log.</summary>
    public async Task<RecordFigures> ReadAsync(int labeledMonth, ModelRegistry registry, string productionVersion, ProductionAnalysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var file = Path.Combine(workspace.Root, $"labels-1-{labeledMonth}.csv");
        var monthRows = WriteLabels(file, labeledMonth);
        narrator.Step($"labels add {Path.GetFileName(file)} --key request_id --label group");
        await using var log = await PredictionLogTarget.DefaultIn(workspace.Home).OpenAsync(cancellationToken: cancellationToken);
        var report = await log.Labels.AddAsync(LabelKey.RequestId, LabelFileReader.Read(file, LabelKey.RequestId, "group", ProblemSchema.Insurance), DateTimeOffset.UtcNow, cancellationToken);
        narrator.Say($"{Format.Thousands(report.Received)} labels of months 1–{labeledMonth}: {Format.Thousands(report.Stored)} joined to their answers; {Format.Thousands(report.Unknown)} name customers the service refused (impossible values), so no answer to judge");

        var prefix = CustomerKey.MonthPrefix(labeledMonth);
        narrator.Step($"performance --by all --key-prefix {prefix} --model {productionVersion} --reference {Path.GetFileName(data.Reference)}");
        var (model, loaded) = AnalyzedModelSource.FromRegistry(registry, productionVersion);
        using (loaded)
        {
            var notes = new List<string>();
            var estimator = RecordEstimator.Calibrate(model, data.Reference, notes);
            var period = (await RecordPerformance.ComputeAsync(log, PerformancePeriod.All, estimator, prefix, cancellationToken: cancellationToken)).Single();
            var offline = analysis.Performance.FirstOrDefault(p => p.Month == labeledMonth)?.RealisedAccuracy;
            var figures = new RecordFigures(
                labeledMonth, report.Stored, report.Unknown, period.Predictions, period.Labeled, period.RealisedAccuracy, period.ScoredAccuracy,
                period.EstimatedAccuracy, offline, period.Labeled - period.ModelLabeled);
            Tell(figures, monthRows);
            return figures;
        }
    }

    private void Tell(RecordFigures f, int monthRows)
    {
        narrator.Say($"month {f.Month} from the record: {Format.Thousands(f.Answers)} answers, {Format.Thousands(f.Labeled)} labeled");
        narrator.Say($"  what the service answered (model and fallback) was right: [bold]{Number(f.RealisedAccuracy)}[/]");
        narrator.Say($"  the model alone on the same customers: [bold]{Number(f.ModelAccuracy)}[/] (the offline analysis of month-{f.Month}.csv: {Number(f.AnalysisAccuracy)})");
        narrator.Say($"  the estimate without labels: {Number(f.EstimatedAccuracy)}");
        if (f.RealisedAccuracy is { } realised && f.ModelAccuracy is { } model)
        {
            var net = (int)Math.Round((realised - model) * f.Labeled);
            narrator.Explain(
                $"the two realised figures differ because the fallback answered {f.FallbackLabeled} of these customers (inputs outside the model's range, or the model unsure): " +
                $"its rules got {Math.Abs(net)} {(net >= 0 ? "more" : "fewer")} of them right than the model would have");
        }

        if (f.Answers < monthRows)
        {
            narrator.Explain($"the offline analysis judges all {Format.Thousands(monthRows)} rows of month-{f.Month}.csv, the record the {Format.Thousands(f.Answers)} the service answered (it refused the others' impossible values)");
        }
    }

    /// <summary>One labels file for months 1 … N: each customer's key as simulate sent it, and the true group; returns month N's rows.</summary>
    private int WriteLabels(string file, int labeledMonth)
    {
        var rows = 0;
        using var writer = new StreamWriter(file);
        writer.WriteLine($"{ClientKey.Name};group");
        for (var month = 1; month <= labeledMonth; month++)
        {
            var records = InsuranceCsvReader.ReadFile(data.Month(month)).Records;
            for (var row = 0; row < records.Count; row++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CustomerKey.Of(month, row)};{(int)records[row].Group!.Value}"));
            }

            rows = records.Count;
        }

        return rows;
    }

    private static string Number(double? value) => value is { } v ? Format.Number(v) : "–";
}

/// <summary>What the production record said about the labeled month.</summary>
/// <param name="Month">The labeled month.</param>
/// <param name="LabelsStored">Labels of months 1 … N joined to a logged answer.</param>
/// <param name="Unknown">Labels naming no logged answer (customers the service refused).</param>
/// <param name="Answers">Answers logged for the month's customers.</param>
/// <param name="Labeled">Of those, labeled.</param>
/// <param name="RealisedAccuracy">What the service answered, model and fallback, against the labels.</param>
/// <param name="ModelAccuracy">The model's own answer for every labeled customer, scored again from the log.</param>
/// <param name="EstimatedAccuracy">The label-free estimate (CBPE) on the month's logged inputs.</param>
/// <param name="AnalysisAccuracy">The offline analysis's realised accuracy of the model on the month's file.</param>
/// <param name="FallbackLabeled">Labeled customers the fallback answered.</param>
public sealed record RecordFigures(
    int Month,
    int LabelsStored,
    int Unknown,
    int Answers,
    int Labeled,
    double? RealisedAccuracy,
    double? ModelAccuracy,
    double? EstimatedAccuracy,
    double? AnalysisAccuracy,
    int FallbackLabeled);
