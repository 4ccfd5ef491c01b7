using System.Globalization;
using Mlops.Core.Analysis;
using ScottPlot;

namespace Mlops.Reporting.Charts;

/// <summary>
/// The charts of the analysis report, each as PNG bytes, drawn from the analysis's numbers only.
/// Public so that the analysis notebook (notebooks/analysis.ipynb) draws the very same pictures.
/// </summary>
public static class AnalysisCharts
{
    /// <summary>Reference and month overlaid: shares per bin, half transparent.</summary>
    public static byte[] Histogram(FeatureHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var plot = new Plot();
        var numerical = histogram.Kind == "numerical";
        var positions = numerical
            ? Enumerable.Range(0, histogram.ReferenceShares.Count).Select(i => (histogram.Edges[i] + histogram.Edges[i + 1]) / 2).ToArray()
            : [.. histogram.Edges];
        var width = numerical ? histogram.Edges[1] - histogram.Edges[0] : 0.4;
        var offset = numerical ? 0 : 0.2;
        AddBars(plot, [.. positions.Select(p => p - offset)], histogram.ReferenceShares, width, ChartStyle.Reference.WithAlpha(numerical ? 0.55 : 0.9), "reference");
        AddBars(plot, [.. positions.Select(p => p + offset)], histogram.CurrentShares, width, ChartStyle.Current.WithAlpha(numerical ? 0.55 : 0.9), $"month {histogram.Month}");
        var verdict = histogram.Drifted ? "drift" : "no drift";
        plot.Title($"{histogram.Feature}: {histogram.Test} {Number(histogram.Score)} ({verdict})", 13);
        plot.YLabel("share of rows");
        plot.XLabel(histogram.Feature);
        if (!numerical)
        {
            plot.Axes.Bottom.SetTicks([.. histogram.Edges], [.. histogram.Edges.Select(e => e.ToString("0", CultureInfo.InvariantCulture))]);
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartStyle.Png(plot);
    }

    /// <summary>One feature's drift score per month with its threshold; drifted months marked in red.</summary>
    public static byte[] DriftOverTime(IReadOnlyList<int> months, FeatureDriftSeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        double[] xs = [.. months.Select(m => (double)m)];
        var line = plot.Add.Scatter(xs, series.Scores.ToArray(), ChartStyle.Series[index % ChartStyle.Series.Count]);
        line.MarkerSize = 3;
        line.LineWidth = 2;
        var drifted = Enumerable.Range(0, xs.Length).Where(i => series.Drifted[i]).ToArray();
        if (drifted.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(drifted.Select(i => xs[i]).ToArray(), drifted.Select(i => series.Scores[i]).ToArray(), ChartStyle.Threshold);
            marks.MarkerSize = 6;
            marks.LegendText = "drifted";
        }

        AddDashedLine(plot, (xs[0], series.Threshold), (xs[^1], series.Threshold), ChartStyle.Threshold, $"threshold {Number(series.Threshold)}");
        var first = series.FirstDriftedMonth is { } m ? $"from month {m}" : "never drifted";
        plot.Title($"{series.Feature}: {series.Test} ({first})", 12);
        plot.XLabel("month");
        plot.YLabel(series.ScoreKind == "p_value" ? "p-value" : "distance");
        if (series.ScoreKind == "distance")
        {
            plot.Axes.SetLimitsY(0, Math.Max(series.Threshold * 2, series.Scores.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.1));
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return ChartStyle.Png(plot, ChartStyle.SmallWidth, ChartStyle.SmallHeight);
    }

    /// <summary>Share of each predicted class per month; the reference's shares as dashed lines.</summary>
    public static byte[] PredictedClasses(IReadOnlyList<MonthPredictions> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var plot = new Plot();
        var months = predictions.Where(p => p.Month > 0).ToArray();
        double[] xs = [.. months.Select(m => (double)m.Month)];
        var reference = predictions.First(p => p.Month == 0);
        var names = reference.ClassShares.Keys.ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var color = ChartStyle.Series[i];
            var line = plot.Add.Scatter(xs, months.Select(m => m.ClassShares[names[i]]).ToArray(), color);
            line.LegendText = $"predicted {names[i]}";
            line.MarkerSize = 4;
            AddDashedLine(plot, (xs[0], reference.ClassShares[names[i]]), (xs[^1], reference.ClassShares[names[i]]), color);
        }

        plot.Title("predicted class per month (dashed: the reference)", 13);
        plot.XLabel("month");
        plot.YLabel("share of requests");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartStyle.Png(plot);
    }

    /// <summary>Certainty (top probability) of the reference and one month, overlaid.</summary>
    public static byte[] Certainty(MonthPredictions reference, MonthPredictions month, double minCertainty)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(month);
        var plot = new Plot();
        var edges = CertaintyBins.Edges;
        double[] centers = [.. Enumerable.Range(0, edges.Count - 1).Select(i => (edges[i] + edges[i + 1]) / 2)];
        var width = edges[1] - edges[0];
        AddBars(plot, centers, reference.CertaintyHistogram, width, ChartStyle.Reference.WithAlpha(0.55), $"reference (mean {Number(reference.MeanCertainty)})");
        AddBars(plot, centers, month.CertaintyHistogram, width, ChartStyle.Current.WithAlpha(0.55), $"month {month.Month} (mean {Number(month.MeanCertainty)})");
        var top = Math.Max(reference.CertaintyHistogram.Max(), month.CertaintyHistogram.Max());
        AddDashedLine(plot, (minCertainty, 0), (minCertainty, top), ChartStyle.Threshold, $"fallback below {Number(minCertainty)}");
        plot.Title("certainty of the predictions", 13);
        plot.XLabel("top probability");
        plot.YLabel("share of rows");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartStyle.Png(plot);
    }

    /// <summary>Estimated accuracy (with ± 2 standard errors) for every month, realised and baseline where labels arrived.</summary>
    public static byte[] Accuracy(IReadOnlyList<MonthPerformance> performance, EstimationSummary? estimation, int atMonth)
    {
        ArgumentNullException.ThrowIfNull(performance);
        var plot = new Plot();
        var estimated = performance.Where(p => p.EstimatedAccuracy is not null).ToArray();
        if (estimated.Length > 0)
        {
            double[] xs = [.. estimated.Select(p => (double)p.Month)];
            var band = plot.Add.FillY(
                xs,
                [.. estimated.Select(p => p.EstimatedAccuracy!.Value - (2 * (p.EstimateStandardError ?? 0)))],
                [.. estimated.Select(p => p.EstimatedAccuracy!.Value + (2 * (p.EstimateStandardError ?? 0)))]);
            band.FillColor = ChartStyle.Estimate.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, estimated.Select(p => p.EstimatedAccuracy!.Value).ToArray(), ChartStyle.Estimate);
            line.LegendText = "estimated (CBPE, ± 2 SE)";
            line.MarkerSize = 4;
        }

        var known = performance.Where(p => p.RealisedAccuracy is not null).ToArray();
        if (known.Length > 0)
        {
            double[] xs = [.. known.Select(p => (double)p.Month)];
            var realised = plot.Add.Scatter(xs, known.Select(p => p.RealisedAccuracy!.Value).ToArray(), ChartStyle.Current);
            realised.LegendText = $"realised (labels arrived by month {atMonth})";
            realised.MarkerSize = 5;
            realised.LineWidth = 2;
            var baseline = plot.Add.Scatter(xs, known.Select(p => p.BaselineAccuracy ?? double.NaN).ToArray(), ChartStyle.Baseline);
            baseline.LegendText = "rule baseline";
            baseline.MarkerSize = 3;
            baseline.LinePattern = LinePattern.Dotted;
        }

        if (estimation is not null && performance.Count > 0)
        {
            var first = performance[0].Month;
            var last = performance[^1].Month;
            AddDashedLine(plot, (first, estimation.ReferenceAccuracy), (last, estimation.ReferenceAccuracy), ChartStyle.Reference, $"reference {Number(estimation.ReferenceAccuracy)}");
        }

        plot.Title("accuracy per month", 13);
        plot.XLabel("month");
        plot.YLabel("accuracy");
        // Outside the data: with every month labeled the realised line runs into the lower right corner.
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Png(plot, ChartStyle.WideWidth, ChartStyle.WideHeight);
    }

    /// <summary>Share of requests with impossible values, and (with a model) the share the fallback would answer.</summary>
    public static byte[] Quality(IReadOnlyList<MonthQuality> quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var plot = new Plot();
        double[] xs = [.. quality.Select(q => (double)q.Month)];
        var impossible = plot.Add.Scatter(xs, quality.Select(q => q.RowsWithImpossibleValues / (double)q.Rows).ToArray(), ChartStyle.Threshold);
        impossible.LegendText = "rows with impossible values";
        impossible.MarkerSize = 4;
        if (quality.All(q => q.FallbackShare is not null))
        {
            var fallback = plot.Add.Scatter(xs, quality.Select(q => q.FallbackShare!.Value).ToArray(), ChartStyle.Reference);
            fallback.LegendText = "answered by the fallback";
            fallback.MarkerSize = 4;
            var outside = plot.Add.Scatter(xs, quality.Select(q => q.FallbackOutOfRange!.Value / (double)q.Rows).ToArray(), ChartStyle.Series[2]);
            outside.LegendText = "… because an input is outside the training ranges";
            outside.MarkerSize = 3;
            outside.LinePattern = LinePattern.Dashed;
        }

        plot.Title("data quality per month", 13);
        plot.XLabel("month");
        plot.YLabel("share of requests");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartStyle.Png(plot);
    }

    internal static void AddBars(Plot plot, double[] positions, IReadOnlyList<double> values, double width, Color color, string legend)
    {
        var bars = plot.Add.Bars(positions, values.ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.Size = width;
            bar.FillColor = color;
            bar.LineWidth = 0;
        }

        bars.LegendText = legend;
    }

    /// <summary>A dashed line between two points (a threshold, a reference level), without markers.</summary>
    private static void AddDashedLine(Plot plot, (double X, double Y) from, (double X, double Y) to, Color color, string? legend = null)
    {
        var line = plot.Add.Scatter(new[] { from.X, to.X }, new[] { from.Y, to.Y }, color);
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
