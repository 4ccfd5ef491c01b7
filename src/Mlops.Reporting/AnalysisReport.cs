using System.Globalization;
using Mlops.Core.Analysis;
using Mlops.Core.Models;
using Mlops.Reporting.Charts;

namespace Mlops.Reporting;

/// <summary>
/// The analysis as one self-contained HTML page: styles inline, charts as PNG data URIs, no script and
/// no link to anything outside — it opens from a mail attachment on a laptop without network.
/// </summary>
public static class AnalysisReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
        .meta { color: #555; } .note { background: #fff6e0; border-left: 4px solid #e0a800; padding: 0.4rem 0.8rem; margin: 0.4rem 0; }
        .grid { display: flex; flex-wrap: wrap; gap: 12px; } img.chart { max-width: 100%; border: 1px solid #eee; }
        ul.observations li { margin: 0.35rem 0; } .meaning { color: #2a6f2a; font-style: italic; }
        table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.86rem; } th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; }
        thead th { background: #f4f4f4; } tbody th { text-align: left; font-weight: normal; } .drift { color: #b00020; font-weight: bold; }
        """;

    /// <summary>Writes the report to <paramref name="path"/> (UTF-8), creating its folder.</summary>
    public static void Write(ProductionAnalysis analysis, string path, double minCertainty = FallbackRule.DefaultMinCertainty)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Render(analysis, minCertainty));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Render(ProductionAnalysis analysis, double minCertainty = FallbackRule.DefaultMinCertainty)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var months = MonthList.Describe(analysis.Months);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Element("title", $"mlops analysis: {analysis.Reference} and {months} at month {analysis.AtMonth}")
            .Raw($"<style>{Style}</style>\n</head>\n<body>\n")
            .Element("h1", "Drift is obvious — but is it a problem?")
            .Element("p", $"Reference {analysis.Reference} ({analysis.ReferenceRows} rows) against {months}, seen at month {analysis.AtMonth}. "
                + $"Ground truth arrives {analysis.LabelDelayMonths} months late: labels known for {MonthList.Describe(analysis.LabeledMonths)}. "
                + $"Model: {analysis.Model ?? "none"}.", "meta");
        foreach (var note in analysis.Notes)
        {
            html.Element("p", note, "note");
        }

        Interpretation(html, analysis);
        FeatureDistributions(html, analysis);
        DriftOverTime(html, analysis);
        Predictions(html, analysis, minCertainty);
        Performance(html, analysis);
        Quality(html, analysis);
        html.Raw("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Interpretation(HtmlWriter html, ProductionAnalysis analysis)
    {
        html.Element("h2", "Interpretation (computed from the data)").Raw("<ul class=\"observations\" id=\"observations\">\n");
        foreach (var o in analysis.Observations)
        {
            html.Raw($"<li data-topic=\"{HtmlWriter.Encode(o.Topic)}\"><strong>{HtmlWriter.Encode(o.Topic)}</strong>: {HtmlWriter.Encode(o.Text)}");
            if (o.Meaning is not null)
            {
                html.Raw($" — <span class=\"meaning\">{HtmlWriter.Encode(o.Meaning)}</span>");
            }

            html.Raw("</li>\n");
        }

        html.Raw("</ul>\n");
    }

    private static void FeatureDistributions(HtmlWriter html, ProductionAnalysis analysis)
    {
        html.Element("h2", $"Reference vs month {analysis.HistogramMonth}, per feature")
            .Element("p", "Each feature's distribution in the reference and in the month, with Evidently's default drift test and its score.")
            .Raw("<div class=\"grid\">\n");
        foreach (var histogram in analysis.Histograms)
        {
            html.Image(AnalysisCharts.Histogram(histogram), $"{histogram.Feature}: reference and month {histogram.Month}", $"histogram-{histogram.Feature}");
        }

        html.Raw("</div>\n");
    }

    private static void DriftOverTime(HtmlWriter html, ProductionAnalysis analysis)
    {
        html.Element("h2", "Drift per feature over time").Raw("<div class=\"grid\">\n");
        for (var i = 0; i < analysis.Drift.Count; i++)
        {
            var series = analysis.Drift[i];
            html.Image(AnalysisCharts.DriftOverTime(analysis.Months, series, i), $"{series.Feature}: drift score per month", $"drift-{series.Feature}");
        }

        html.Raw("</div>\n");

        html.Table(
            ["feature", "test", "threshold", "first drifted month", "drifted months", $"score at month {analysis.Months[^1]}"],
            analysis.Drift.Select(d => (IReadOnlyList<string>)
            [
                d.Feature, d.Test, HtmlWriter.Number(d.Threshold), d.FirstDriftedMonth?.ToString(CultureInfo.InvariantCulture) ?? "never",
                $"{d.DriftedMonths} of {analysis.Months.Count}", HtmlWriter.Number(d.Scores[^1]),
            ]),
            "drift-table");
    }

    private static void Predictions(HtmlWriter html, ProductionAnalysis analysis, double minCertainty)
    {
        html.Element("h2", "What the model predicts");
        if (analysis.Predictions.Count == 0)
        {
            html.Element("p", "No model was given and the registry has no production model: predicted classes and certainty are not shown.", "note");
            return;
        }

        var reference = analysis.Predictions[0];
        var month = analysis.Predictions.FirstOrDefault(p => p.Month == analysis.HistogramMonth) ?? analysis.Predictions[^1];
        html.Raw("<div class=\"grid\">\n")
            .Image(AnalysisCharts.PredictedClasses(analysis.Predictions), "predicted class shares per month", "predicted-classes")
            .Image(AnalysisCharts.Certainty(reference, month, minCertainty), $"certainty of the reference and month {month.Month}", "certainty")
            .Raw("</div>\n");

        // The classes by the names the problem gives them (high / medium / low for the talk's model).
        var classes = reference.ClassShares.Keys.ToArray();
        html.Table(
            ["month", .. classes.Select(c => $"predicted {c}"), "mean certainty"],
            analysis.Predictions.Select(p => (IReadOnlyList<string>)
            [
                p.Month == 0 ? "reference" : p.Month.ToString(CultureInfo.InvariantCulture),
                .. classes.Select(c => HtmlWriter.Percent(p.ClassShares[c])), HtmlWriter.Number(p.MeanCertainty),
            ]),
            "predicted-classes-table");
    }

    private static void Performance(HtmlWriter html, ProductionAnalysis analysis)
    {
        html.Element("h2", "Accuracy: estimated now, realised when the labels arrive");
        if (analysis.Performance.Count == 0)
        {
            html.Element("p", "No model: no accuracy.", "note");
            return;
        }

        if (analysis.Estimation is { } e)
        {
            html.Element("p", $"The estimate (confidence-based, as NannyML's CBPE) is the mean calibrated probability of the predicted class. "
                + $"Calibrated per class by isotonic regression on {e.CalibrationData}; recalibrated classes: {(e.CalibratedClasses.Count == 0 ? "none" : string.Join(", ", e.CalibratedClasses))}. "
                + $"On those rows: accuracy {HtmlWriter.Number(e.ReferenceAccuracy)}, estimate {HtmlWriter.Number(e.ReferenceEstimate)}. "
                + "It assumes only the inputs drift; where the same inputs come to mean another risk (concept drift), it cannot see the loss — compare with the realised accuracy once labels arrive.");
        }

        html.Image(AnalysisCharts.Accuracy(analysis.Performance, analysis.Estimation, analysis.AtMonth), "estimated and realised accuracy per month", "accuracy")
            .Table(
                ["month", "labels arrive", "realised", "rule baseline", "estimated", "± SE", "estimate − realised"],
                analysis.Performance.Select(p => (IReadOnlyList<string>)
                [
                    p.Month.ToString(CultureInfo.InvariantCulture),
                    $"month {p.LabelsArriveAt}{(p.LabelsAvailable ? "" : " (not yet)")}",
                    HtmlWriter.Number(p.RealisedAccuracy), HtmlWriter.Number(p.BaselineAccuracy), HtmlWriter.Number(p.EstimatedAccuracy),
                    HtmlWriter.Number(p.EstimateStandardError), p.EstimateError is { } d ? (d >= 0 ? "+" : "") + HtmlWriter.Number(d) : "–",
                ]),
                "performance-table");
    }

    private static void Quality(HtmlWriter html, ProductionAnalysis analysis)
    {
        html.Element("h2", "Data quality");
        html.Image(AnalysisCharts.Quality(analysis.Quality), "impossible values and fallback share per month", "quality");
        var ranged = analysis.Quality.FirstOrDefault(q => q.OutsideTrainingRange is not null)?.OutsideTrainingRange?.Keys.ToArray() ?? [];
        var impossible = analysis.Quality[0].ImpossibleValues.Keys.ToArray();
        html.Table(
            [
                "month", "rows", .. impossible.Select(f => $"impossible {f}"), .. ranged.Select(f => $"outside range {f}"),
                "fallback: out of range", "fallback: unsure", "fallback share",
            ],
            analysis.Quality.Select(q => (IReadOnlyList<string>)
            [
                q.Month.ToString(CultureInfo.InvariantCulture), q.Rows.ToString(CultureInfo.InvariantCulture),
                .. impossible.Select(f => q.ImpossibleValues[f].ToString(CultureInfo.InvariantCulture)),
                .. ranged.Select(f => q.OutsideTrainingRange![f].ToString(CultureInfo.InvariantCulture)),
                q.FallbackOutOfRange?.ToString(CultureInfo.InvariantCulture) ?? "–", q.FallbackLowCertainty?.ToString(CultureInfo.InvariantCulture) ?? "–",
                HtmlWriter.Percent(q.FallbackShare),
            ]),
            "quality-table");
    }
}
