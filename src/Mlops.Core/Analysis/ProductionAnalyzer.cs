using Mlops.Core.Drift;
using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Core.Validation;

namespace Mlops.Core.Analysis;

/// <summary>
/// Computes the <see cref="ProductionAnalysis"/> of any problem's reference and production months seen so
/// far, driven by the problem alone (the model card's; the reference's without a model): drift per
/// feature and month (missing values left out), the features' trends, histograms, the model's predicted
/// classes by their names and its certainty, its accuracy (estimated at once by CBPE, realised against
/// the problem's fallback rules when the labels arrive), data quality (impossible values from the validity
/// bounds, values outside what the model saw in training) and the interpretation. Deterministic: the same
/// files, model and options give the same numbers.
/// </summary>
public static class ProductionAnalyzer
{
    /// <param name="reference">The reference data (what the model was trained on), as month 0.</param>
    /// <param name="referenceSha256">Its SHA-256, to recognise the model's own training file; null when unknown.</param>
    /// <param name="months">Production months, in any order, read through the same problem.</param>
    /// <param name="model">The model, or null to skip the prediction parts.</param>
    /// <param name="options">When, and with which settings.</param>
    /// <exception cref="InvalidInputException">No months, a month twice, or a "now" before the first month.</exception>
    public static ProductionAnalysis Analyze(ProblemMonth reference, string? referenceSha256, IReadOnlyList<ProblemMonth> months, AnalyzedModel? model, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var problem = model?.Problem ?? reference.Data.Schema;
        var notes = new List<string>();
        var seen = SelectMonths(months, m => m.Month, m => m.Data.Name, options, notes, out var atMonth);
        int[] monthNumbers = [.. seen.Select(m => m.Month)];
        var schedule = options.GroundTruth;
        var classifier = model?.Model;
        var referencePredictions = classifier is null ? null : ProblemModelTrainer.PredictAll(classifier, reference.Data);
        var monthPredictions = classifier is null ? null : seen.Select(m => ProblemModelTrainer.PredictAll(classifier, m.Data)).ToArray();

        var calculator = new DriftCalculator(ColumnMapping.For(problem, withPrediction: true), Table(reference.Data, referencePredictions));
        var reports = seen.Select((m, i) => calculator.Calculate(Table(m.Data, monthPredictions?[i]), DateTimeOffset.UnixEpoch)).ToArray();
        var features = problem.Features;
        var drift = features.Select((f, k) => Series(f.Name, k, monthNumbers, reports)).ToArray();
        var datasetDrift = seen.Select((m, i) => new MonthDrift(
            m.Month,
            reports[i].NumberOfDriftedColumns,
            reports[i].ShareOfDriftedColumns,
            reports[i].DatasetDrift,
            reports[i].PredictionDrift?.DriftScore,
            reports[i].PredictionDrift?.Drifted)).ToArray();

        var trends = features.Select((f, k) => Trend(f, k, reference.Data, seen)).ToArray();
        var histogramMonth = options.HistogramMonth ?? monthNumbers[^1];
        var histogramIndex = Array.IndexOf(monthNumbers, histogramMonth);
        if (histogramIndex < 0)
        {
            throw new InvalidInputException($"histogram month {histogramMonth} is not among the months analysed ({MonthList.Describe(monthNumbers)})");
        }

        var histograms = features.Select((f, k) => Histograms.Of(
            f.Name, f.Kind != FeatureType.Numeric, Present(reference.Data, k), Present(seen[histogramIndex].Data, k), histogramMonth, options.HistogramBins, reports[histogramIndex].Columns[k])).ToArray();

        var labeled = seen.Where(m => m.Data.IsLabeled && schedule.HasLabels(m.Month, atMonth)).ToArray();
        var labeledAtAll = seen.Count(m => m.Data.IsLabeled);
        if (labeledAtAll > labeled.Length)
        {
            notes.Add($"{labeledAtAll - labeled.Length} month files hold labels that have not arrived at month {atMonth} (labels come {schedule.LabelDelayMonths} months late); they are not used");
        }

        IReadOnlyList<MonthPredictions> predictions = [];
        IReadOnlyList<MonthPerformance> performance = [];
        EstimationSummary? estimation = null;
        if (model is null)
        {
            notes.Add("no model given and no production model in the registry: prediction classes, certainty, accuracy, the performance estimate and the fallback share are skipped");
        }
        else
        {
            predictions = [Summarize(problem, 0, referencePredictions!, options.Fallback), .. seen.Select((m, i) => Summarize(problem, m.Month, monthPredictions![i], options.Fallback))];
            var estimator = ReferenceCalibration.Fit(reference, referenceSha256, referencePredictions!, model.Card, options.Seed, notes, out estimation);
            var baseline = ModelValidator.Baseline(model.Card);
            performance = [.. seen.Select((m, i) => Performance(m, monthPredictions![i], baseline, estimator, schedule, atMonth))];
        }

        var ranges = model is null ? null : TrainingRanges.Of(model.Card, problem);
        var quality = seen.Select((m, i) => Quality(m, ranges, monthPredictions?[i], options.Fallback)).ToArray();
        var observations = Interpretation.Observe(new Interpretation.Facts(
            reference, seen, labeled, trends, drift, predictions, performance, quality, datasetDrift, atMonth, schedule));

        return new ProductionAnalysis
        {
            Reference = reference.Data.Name,
            ReferenceRows = reference.Data.RowCount,
            Months = monthNumbers,
            AtMonth = atMonth,
            LabelDelayMonths = schedule.LabelDelayMonths,
            LabeledMonths = [.. labeled.Select(m => m.Month)],
            HistogramMonth = histogramMonth,
            Model = model?.Label,
            Drift = drift,
            DatasetDrift = datasetDrift,
            Trends = trends,
            Histograms = histograms,
            Predictions = predictions,
            Performance = performance,
            Estimation = estimation,
            Quality = quality,
            Observations = observations,
            Notes = notes,
        };
    }

    /// <summary>The months up to the simulated now, ascending; a month given twice or a now before the first month is an error.</summary>
    private static T[] SelectMonths<T>(IReadOnlyList<T> months, Func<T, int> monthOf, Func<T, string> nameOf, AnalysisOptions options, List<string> notes, out int atMonth)
    {
        if (months.Count == 0)
        {
            throw new InvalidInputException("no production months to analyse; give month files (month-N.csv) with --current");
        }

        var twice = months.GroupBy(monthOf).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidInputException($"month {twice.Key} is given twice ({string.Join(", ", twice.Select(nameOf))})");
        }

        var ordered = months.OrderBy(monthOf).ToArray();
        atMonth = options.AtMonth ?? monthOf(ordered[^1]);
        var now = atMonth;
        if (now < monthOf(ordered[0]))
        {
            throw new InvalidInputException($"--at-month {now} is before the first month given ({monthOf(ordered[0])}): nothing has happened yet");
        }

        var seen = ordered.Where(m => monthOf(m) <= now).ToArray();
        if (seen.Length < ordered.Length)
        {
            notes.Add($"months after month {now} are left out: at month {now} they have not happened yet ({MonthList.Describe([.. ordered.Skip(seen.Length).Select(monthOf)])})");
        }

        return seen;
    }

    /// <summary>One feature's drift over the months, from the drift reports' column <paramref name="column"/>.</summary>
    private static FeatureDriftSeries Series(string feature, int column, int[] months, DatasetDriftReport[] reports)
    {
        var cells = reports.Select(r => r.Columns[column]).ToArray();
        var last = cells[^1];
        var kind = StatTests.Find(last.StatTest)?.ScoreKind == DriftScoreKind.PValue ? "p_value" : "distance";
        var first = Enumerable.Range(0, cells.Length).FirstOrDefault(i => cells[i].Drifted, -1);
        return new FeatureDriftSeries(
            feature,
            last.StatTest,
            kind,
            last.Threshold,
            [.. cells.Select(c => c.DriftScore)],
            [.. cells.Select(c => c.Drifted)],
            first < 0 ? null : months[first],
            cells.Count(c => c.Drifted));
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

    private static MonthPerformance Performance(
        ProblemMonth month, ClassPrediction[] predictions, RuleModel baseline, ConfidenceBasedPerformanceEstimator? estimator, GroundTruthSchedule schedule, int atMonth)
    {
        var available = month.Data.IsLabeled && schedule.HasLabels(month.Month, atMonth);
        double? realised = null, baselineAccuracy = null;
        if (available)
        {
            var labels = month.Data.Labels;
            var all = Enumerable.Range(0, month.Data.RowCount).ToArray();
            realised = Accuracy.Of(predictions, labels, all);
            baselineAccuracy = Accuracy.Of(ProblemModelTrainer.PredictAll(baseline, month.Data), labels, all);
        }

        var estimate = estimator?.EstimateAccuracy(predictions);
        return new MonthPerformance(month.Month, schedule.LabelsArriveAt(month.Month), available, realised, baselineAccuracy, estimate?.Estimated, estimate?.StandardError);
    }

    /// <summary>
    /// Impossible values, and with a model: per checked feature the values outside what the model saw in
    /// training (a number outside the card's range, a category never seen), and how many requests the
    /// fallback rule would answer — outside first, then the unsure ones.
    /// </summary>
    private static MonthQuality Quality(ProblemMonth month, TrainingRanges? ranges, ClassPrediction[]? predictions, FallbackRule fallback)
    {
        var data = month.Data;
        var (impossible, impossibleRows) = ImpossibleValues.Count(data);
        if (ranges is null || predictions is null)
        {
            return new MonthQuality(month.Month, data.RowCount, impossible, impossibleRows, null, null, null, null);
        }

        var problem = data.Schema;
        var outside = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < problem.Features.Count; f++)
        {
            if (ranges.IsChecked(f))
            {
                var column = data.Feature(f);
                var count = 0;
                foreach (var value in column)
                {
                    count += ranges.IsOutside(f, value) ? 1 : 0;
                }

                outside[problem.Features[f].Name] = count;
            }
        }

        int outOfRange = 0, lowCertainty = 0;
        var vector = new double[problem.Features.Count];
        for (var i = 0; i < data.RowCount; i++)
        {
            data.CopyRow(i, vector);
            switch (fallback.Decide(vector, ranges, predictions[i]).Reason)
            {
                case FallbackReason.OutOfRange:
                    outOfRange++;
                    break;
                case FallbackReason.LowCertainty:
                    lowCertainty++;
                    break;
                case FallbackReason.None:
                default:
                    break;
            }
        }

        return new MonthQuality(
            month.Month, data.RowCount, impossible, impossibleRows, outside, outOfRange, lowCertainty, (outOfRange + lowCertainty) / (double)data.RowCount);
    }
}
