using System.Globalization;
using Mlops.Core.Data;
using ScottPlot;

namespace Mlops.Reporting.Charts;

/// <summary>
/// The exploration's charts (notebooks/exploration.ipynb): how one feature is distributed within
/// each risk class of a labeled dataset — where the talk finds its "sweet spots".
/// </summary>
public static class ExplorationCharts
{
    /// <summary>Bins of each numerical histogram.</summary>
    public const int DefaultBins = 30;

    /// <summary>
    /// A numerical feature as one histogram per class (share of the class's rows per bin, the same
    /// bins for all three); a 0/1 feature as the share of each class that has it.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset has rows without a label.</exception>
    public static byte[] ByRiskClass(InsuranceDataset data, Feature feature, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!data.IsLabeled)
        {
            throw new ArgumentException($"{data.Name}: every row needs a risk label to be drawn per class", nameof(data));
        }

        var values = data.Column(feature);
        var labels = data.Labels();
        var perClass = RiskGroups.All
            .Select(g => values.Where((_, i) => labels[i] == g).ToArray())
            .ToArray();
        var plot = new Plot();
        if (feature.Kind == FeatureKind.Numerical)
        {
            plot.Title($"{feature.Name} by risk class ({data.Name})", 13);
            NumericalByClass(plot, values, perClass, bins);
            plot.YLabel("share of the class's rows");
            plot.XLabel(feature.Description);
            plot.Axes.Margins(bottom: 0);
            plot.ShowLegend(Alignment.UpperRight);
        }
        else
        {
            CategoricalByClass(plot, perClass);
            plot.Title($"{feature.Name} = 1 by risk class ({data.Name})", 13);
            plot.YLabel("share of the class");

            // Shares of one class each: the full 0–1 scale, the legend above the bars.
            plot.Axes.SetLimitsY(0, 1.25);
            plot.ShowLegend(Alignment.UpperLeft);
        }

        return ChartStyle.Png(plot);
    }

    private static void NumericalByClass(Plot plot, double[] values, double[][] perClass, int bins)
    {
        var min = values.Min();
        var max = values.Max();
        var width = max > min ? (max - min) / bins : 1;
        double[] centers = [.. Enumerable.Range(0, bins).Select(b => min + ((b + 0.5) * width))];
        for (var g = 0; g < perClass.Length; g++)
        {
            var shares = new double[bins];
            foreach (var value in perClass[g])
            {
                shares[Math.Min(bins - 1, (int)((value - min) / width))] += 1.0 / perClass[g].Length;
            }

            var group = RiskGroups.All[g];
            var mean = perClass[g].Length == 0 ? double.NaN : perClass[g].Average();
            AnalysisCharts.AddBars(plot, centers, shares, width, ChartStyle.RiskClasses[g].WithAlpha(0.45), $"{group.Name()} (n {perClass[g].Length}, mean {Number(mean)})");
        }
    }

    private static void CategoricalByClass(Plot plot, double[][] perClass)
    {
        double[] positions = [.. Enumerable.Range(0, perClass.Length).Select(g => (double)g)];
        for (var g = 0; g < perClass.Length; g++)
        {
            var share = perClass[g].Length == 0 ? 0 : perClass[g].Count(v => v == 1) / (double)perClass[g].Length;
            AnalysisCharts.AddBars(plot, [positions[g]], [share], 0.6, ChartStyle.RiskClasses[g], $"{RiskGroups.All[g].Name()} {share.ToString("0%", CultureInfo.InvariantCulture)} (n {perClass[g].Length})");
        }

        plot.Axes.Bottom.SetTicks(positions, [.. RiskGroups.All.Select(g => g.Name())]);
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
