using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Registry;
using Mlops.Reporting;
using Spectre.Console;

namespace Mlops.Cli.Demo;

/// <summary>
/// "Drift is obvious — but is there a problem?" The monitor's verdicts summed up, the interpretation
/// computed from the data and the accuracy estimate without labels, from the same
/// <see cref="ProductionAnalyzer"/> that <c>mlops analyze</c> runs; and its HTML report.
/// </summary>
public sealed class DemoAnalysis(DemoNarrator narrator)
{
    public const string Title = "Analysis: drift is obvious — but is there a problem?";

    /// <summary>Topics shown before the ground truth arrives; the concept and the realised accuracy come with it.</summary>
    private static readonly HashSet<string> BeforeGroundTruth = [.. Feature.All.Select(f => f.Name), "prediction", "quality"];

    /// <summary>The production model's months as <c>mlops analyze</c> sees them at the end of the simulation.</summary>
    public static ProductionAnalysis Analyze(DemoData data, ModelRegistry registry, string version, int labelDelay)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (reference, months) = data.Read();
        var (model, loaded) = AnalyzedModelSource.FromRegistry(registry, version);
        using (loaded)
        {
            var options = new AnalysisOptions { GroundTruth = new GroundTruthSchedule(labelDelay), AtMonth = data.Months };
            return ProductionAnalyzer.Analyze(reference, ContentHash.OfFile(data.Reference), months, model, options);
        }
    }

    public void Drift(DriftFindings findings, ProductionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(analysis);
        var table = new Table().Title($"drift in the monitor's windows ({findings.MonthsWithReport} months)");
        table.AddColumn("feature");
        table.AddColumn(new TableColumn("first drifted").RightAligned());
        table.AddColumn(new TableColumn("months drifted").RightAligned());
        foreach (var column in findings.Columns)
        {
            table.AddRow(
                Markup.Escape(column.Column),
                column.FirstMonth is { } first ? $"month {first}" : "[grey]never[/]",
                $"{column.MonthsDrifted} of {findings.MonthsWithReport}");
        }

        narrator.Write(table);
        if (findings.First is { } earliest)
        {
            narrator.Say($"[bold]{earliest.Column}[/] drifted first, in month {earliest.FirstMonth}");
        }

        narrator.Say(findings.FirstDatasetDrift is { } month
            ? (FormattableString)$"dataset drift (half of the features or more) from month [bold]{month}[/], in {findings.DatasetDriftMonths} of {findings.MonthsWithReport} months"
            : $"no dataset drift: never half of the features at once");

        narrator.Step("interpretation, computed from the data");
        foreach (var observation in analysis.Observations.Where(o => BeforeGroundTruth.Contains(o.Topic)))
        {
            Observation(observation);
        }

        if (analysis.Performance.Count > 0 && analysis.Performance[^1] is { EstimatedAccuracy: { } estimate } latest)
        {
            narrator.Step("is there a problem? no labels yet: only an estimate");
            narrator.Say($"estimated accuracy in month {latest.Month}: [bold]{Format.Number(estimate)}[/] (CBPE, from the model's own certainty; its labels arrive at month {latest.LabelsArriveAt})");
            narrator.Explain("the estimate assumes that only the inputs drift, not what they mean for the risk");
        }
    }

    /// <summary>What the arrived labels say: how far off the estimate was, and how the meaning of the features changed.</summary>
    public void Concept(ProductionAnalysis analysis, int labeledMonth)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Performance.FirstOrDefault(p => p.Month == labeledMonth) is { EstimatedAccuracy: { } estimate, RealisedAccuracy: { } realised })
        {
            narrator.Say($"the estimate without labels had said {Format.Number(estimate)} for month {labeledMonth}; the labels say [bold]{Format.Number(realised)}[/]");
        }

        foreach (var observation in analysis.Observations.Where(o => o.Topic == "concept"))
        {
            Observation(observation);
        }
    }

    public static string WriteReport(ProductionAnalysis analysis, string path)
    {
        AnalysisReport.Write(analysis, path);
        return path;
    }

    private void Observation(Observation observation)
    {
        narrator.Say($"- [bold]{observation.Topic}[/]: {observation.Text}");
        if (observation.Meaning is not null)
        {
            narrator.Say($"  [green]→ {observation.Meaning}[/]");
        }
    }
}
