using System.Globalization;
using Mlops.Core.Drift;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Validation;

namespace Mlops.Core.Analysis;

/// <summary>
/// The <see cref="ProductionAnalysis"/> of any problem's reference and production months, driven by the
/// problem alone (the model card's): drift per feature and month (missing values left out), trends,
/// histograms, the model's predicted classes by their names and certainty, realised accuracy against the
/// problem's fallback once labels have arrived, data quality (impossible values from the validity bounds,
/// values outside the card's ranges, categories never seen in training) and the share the fallback would
/// answer. The talk's insurance analysis (<see cref="ProductionAnalyzer"/>) adds its story and the
/// performance estimate on top; here those are left out with a note.
/// </summary>
public static class ProblemAnalyzer
{
    /// <param name="problem">The problem the data and the model belong to.</param>
    /// <param name="reference">The reference data (what the model was trained on).</param>
    /// <param name="months">Production months, in any order.</param>
    /// <param name="model">The model and its label, or null to skip the prediction parts.</param>
    /// <param name="options">When, and with which settings.</param>
    public static ProductionAnalysis Analyze(ProblemSchema problem, ProblemDataset reference, IReadOnlyList<ProblemMonth> months, (TrainedModel Model, string Label)? model, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var seen = ProductionAnalyzer.SelectMonths(months, m => m.Month, m => m.Data.Name, options, notes, out var atMonth);
        int[] monthNumbers = [.. seen.Select(m => m.Month)];
        var schedule = options.GroundTruth;
        var classifier = model?.Model.Classifier;
        var referencePredictions = classifier is null ? null : Training.ProblemModelTrainer.PredictAll(classifier, reference);
        var monthPredictions = classifier is null ? null : seen.Select(m => Training.ProblemModelTrainer.PredictAll(classifier, m.Data)).ToArray();

        var calculator = new DriftCalculator(ColumnMapping.For(problem, withPrediction: classifier is not null), Table(reference, referencePredictions));
        var reports = seen.Select((m, i) => calculator.Calculate(Table(m.Data, monthPredictions?[i]), DateTimeOffset.UnixEpoch)).ToArray();
        var features = problem.Features;
        var drift = features.Select((f, k) => ProductionAnalyzer.Series(f.Name, k, monthNumbers, reports)).ToArray();
        var datasetDrift = seen.Select((m, i) => new MonthDrift(
            m.Month,
            reports[i].NumberOfDriftedColumns,
            reports[i].ShareOfDriftedColumns,
            reports[i].DatasetDrift,
            reports[i].PredictionDrift?.DriftScore,
            reports[i].PredictionDrift?.Drifted)).ToArray();
        var trends = features.Select((f, k) => Trend(f, k, reference, seen)).ToArray();
        var histogramMonth = options.HistogramMonth ?? monthNumbers[^1];
        var histogramIndex = Array.IndexOf(monthNumbers, histogramMonth);
        if (histogramIndex < 0)
        {
            throw new InvalidInputException($"histogram month {histogramMonth} is not among the months analysed ({MonthList.Describe(monthNumbers)})");
        }

        var histograms = features.Select((f, k) => Histograms.Of(
            f.Name, f.Kind != FeatureType.Numeric, Present(reference, k), Present(seen[histogramIndex].Data, k), histogramMonth, options.HistogramBins, reports[histogramIndex].Columns[k])).ToArray();
        var labeled = seen.Where(m => m.Data.IsLabeled && schedule.HasLabels(m.Month, atMonth)).ToArray();

        IReadOnlyList<MonthPredictions> predictions = [];
        IReadOnlyList<MonthPerformance> performance = [];
        if (model is not { } m)
        {
            notes.Add("no model given and no production model in the registry: prediction classes, certainty, accuracy and the fallback share are skipped");
        }
        else
        {
            notes.Add($"problem '{problem.Name}': the confidence-based performance estimate is computed for the insurance model only; realised accuracy is shown once labels arrive");
            var baseline = ModelValidator.Baseline(m.Model.Card);
            predictions = [Summarize(problem, 0, referencePredictions!, options.Fallback), .. seen.Select((s, i) => Summarize(problem, s.Month, monthPredictions![i], options.Fallback))];
            performance = [.. seen.Select((s, i) => Performance(s, monthPredictions![i], baseline, schedule, atMonth))];
        }

        var quality = seen.Select((s, i) => Quality(s, model?.Model.Card, monthPredictions?[i], options.Fallback)).ToArray();
        return new ProductionAnalysis
        {
            Reference = reference.Name,
            ReferenceRows = reference.RowCount,
            Months = monthNumbers,
            AtMonth = atMonth,
            LabelDelayMonths = schedule.LabelDelayMonths,
            LabeledMonths = [.. labeled.Select(s => s.Month)],
            HistogramMonth = histogramMonth,
            Model = model?.Label,
            Drift = drift,
            DatasetDrift = datasetDrift,
            Trends = trends,
            Histograms = histograms,
            Predictions = predictions,
            Performance = performance,
            Estimation = null,
            Quality = quality,
            Observations = Observe(drift, datasetDrift, performance),
            Notes = notes,
        };
    }

    /// <summary>The values of feature <paramref name="index"/> that are not missing.</summary>
    private static double[] Present(ProblemDataset data, int index) => [.. data.Feature(index).ToArray().Where(v => !double.IsNaN(v))];

    /// <summary>
    /// The features by name for the drift tests, missing values as NaN, which the tests leave out as
    /// Evidently does — the numbers <c>mlops drift</c> gives for the same files. (Filling them with the
    /// column's median, as before, moved every score of a column with missing values and made a month
    /// without a single value drift at p = 1e-72.)
    /// </summary>
    private static NumericTable Table(ProblemDataset data, IReadOnlyList<ClassPrediction>? predictions)
    {
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < data.Schema.Features.Count; f++)
        {
            columns[data.Schema.Features[f].Name] = data.Feature(f).ToArray();
        }

        if (predictions is not null)
        {
            columns[ColumnMapping.PredictionColumn] = [.. predictions.Select(p => (double)p.Class)];
        }

        return new NumericTable(data.Name, columns);
    }

    private static FeatureTrend Trend(FeatureDefinition feature, int index, ProblemDataset reference, ProblemMonth[] months)
    {
        double[] means = [.. months.Select(m => Mean(Present(m.Data, index)))];
        var line = LinearTrend.Fit([.. months.Select(m => (double)m.Month)], means);
        return new FeatureTrend(
            feature.Name,
            feature.Kind == FeatureType.Numeric ? "numerical" : "categorical",
            Mean(Present(reference, index)),
            means,
            line.Slope,
            line.SlopeStandardError,
            months[0].Month,
            means[0],
            months[^1].Month,
            means[^1]);
    }

    private static double Mean(double[] values) => values.Length == 0 ? double.NaN : values.Average();

    private static MonthPredictions Summarize(ProblemSchema problem, int month, ClassPrediction[] predictions, FallbackRule fallback)
    {
        var n = (double)predictions.Length;
        var classes = problem.Label.Classes;
        return new MonthPredictions(
            month,
            Enumerable.Range(0, classes.Count).ToDictionary(c => classes[c].Name, c => predictions.Count(p => p.Class == c) / n),
            predictions.Average(p => p.Certainty),
            predictions.Count(p => p.Certainty < fallback.MinCertainty) / n,
            CertaintyBins.Histogram(predictions.Select(p => p.Certainty)));
    }

    private static MonthPerformance Performance(ProblemMonth month, ClassPrediction[] predictions, RuleModel baseline, GroundTruthSchedule schedule, int atMonth)
    {
        var available = month.Data.IsLabeled && schedule.HasLabels(month.Month, atMonth);
        double? realised = null, baselineAccuracy = null;
        if (available)
        {
            var labels = month.Data.Labels;
            var all = Enumerable.Range(0, month.Data.RowCount).ToArray();
            realised = Accuracy.Of(predictions, labels, all);
            baselineAccuracy = Accuracy.Of(Training.ProblemModelTrainer.PredictAll(baseline, month.Data), labels, all);
        }

        return new MonthPerformance(month.Month, schedule.LabelsArriveAt(month.Month), available, realised, baselineAccuracy, null, null);
    }

    /// <summary>
    /// Impossible values, and with a model: values outside the card's ranges, categories never seen in
    /// training (both send a request to the fallback), and answers below the minimum certainty.
    /// </summary>
    private static MonthQuality Quality(ProblemMonth month, ModelCard? card, ClassPrediction[]? predictions, FallbackRule fallback)
    {
        var data = month.Data;
        var (impossible, impossibleRows) = ImpossibleValues.Count(data);
        if (card is null || predictions is null)
        {
            return new MonthQuality(month.Month, data.RowCount, impossible, impossibleRows, null, null, null, null);
        }

        var problem = data.Schema;
        var outside = new Dictionary<string, int>(StringComparer.Ordinal);
        var outOfRangeRows = new bool[data.RowCount];
        for (var f = 0; f < problem.Features.Count; f++)
        {
            var feature = problem.Features[f];
            var column = data.Feature(f);
            Func<double, bool>? isOutside = card.FeatureRanges.TryGetValue(feature.Name, out var range)
                ? v => !double.IsNaN(v) && !range.Contains(v)
                : card.TrainingCategories?.TryGetValue(feature.Name, out var seenCategories) == true && feature.Categories is { } categories
                    ? v => !double.IsNaN(v) && !seenCategories!.Contains(categories[(int)v].Text)
                    : null;
            if (isOutside is null)
            {
                continue;
            }

            var count = 0;
            for (var i = 0; i < column.Length; i++)
            {
                if (isOutside(column[i]))
                {
                    count++;
                    outOfRangeRows[i] = true;
                }
            }

            outside[feature.Name] = count;
        }

        var outOfRange = outOfRangeRows.Count(o => o);
        var lowCertainty = predictions.Where((p, i) => !outOfRangeRows[i] && p.Certainty < fallback.MinCertainty).Count();
        return new MonthQuality(
            month.Month, data.RowCount, impossible, impossibleRows, outside, outOfRange, lowCertainty, (outOfRange + lowCertainty) / (double)data.RowCount);
    }

    /// <summary>Findings from the numbers only: which features drifted, and how accuracy held once labels arrived.</summary>
    private static List<Observation> Observe(FeatureDriftSeries[] drift, MonthDrift[] datasetDrift, IReadOnlyList<MonthPerformance> performance)
    {
        var c = CultureInfo.InvariantCulture;
        var n = datasetDrift.Length;
        var drifting = datasetDrift.Where(d => d.DatasetDrift).Select(d => d.Month).ToArray();
        var observations = new List<Observation>
        {
            new("dataset", drifting.Length == 0
                ? $"no dataset drift in {n} months (never half of the features drifted)"
                : $"dataset drift (at least half of the features drifted) in {drifting.Length} of {n} months, first in month {drifting[0]}"),
        };
        foreach (var series in drift.Where(d => d.DriftedMonths > 0))
        {
            observations.Add(new(series.Feature, string.Create(c, $"drifted in {series.DriftedMonths} of {n} months, first in month {series.FirstDriftedMonth} ({series.Test})")));
        }

        var realised = performance.Where(p => p.RealisedAccuracy is not null).ToArray();
        if (realised.Length > 0)
        {
            var last = realised[^1];
            observations.Add(new("accuracy", string.Create(c, $"realised accuracy {last.RealisedAccuracy:0.000} in month {last.Month} (the fallback: {last.BaselineAccuracy:0.000})")));
        }

        return observations;
    }
}
