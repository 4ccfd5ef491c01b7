using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Training;

namespace Mlops.Core.Analysis;

/// <summary>
/// Computes the <see cref="ProductionAnalysis"/> of the reference and the production months seen so
/// far: drift per feature and month, the features' trends, histograms, the model's predictions and
/// certainty, its accuracy (estimated at once, realised when the labels arrive), data quality and the
/// interpretation. Deterministic: the same files, model and options give the same numbers.
/// </summary>
public static class ProductionAnalyzer
{
    /// <param name="reference">The reference data (what the model was trained on).</param>
    /// <param name="referenceSha256">Its SHA-256, to recognise the model's own training file; null when unknown.</param>
    /// <param name="months">Production months, in any order.</param>
    /// <param name="model">The model, or null to skip the prediction parts.</param>
    /// <param name="options">When, and with which settings.</param>
    /// <exception cref="InvalidInputException">No months, a month twice, or a "now" before the first month.</exception>
    public static ProductionAnalysis Analyze(InsuranceDataset reference, string? referenceSha256, IReadOnlyList<MonthData> months, AnalyzedModel? model, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var seen = SelectMonths(months, m => m.Month, m => m.Data.Name, options, notes, out var atMonth);
        int[] monthNumbers = [.. seen.Select(m => m.Month)];
        var schedule = options.GroundTruth;

        var referencePredictions = model is null ? null : Predict(model, reference);
        var monthPredictions = model is null ? null : seen.Select(m => Predict(model, m.Data)).ToArray();

        var calculator = new DriftCalculator(ColumnMapping.Insurance, Table(reference, referencePredictions));
        var reports = seen.Select((m, i) => calculator.Calculate(Table(m.Data, monthPredictions?[i]), DateTimeOffset.UnixEpoch)).ToArray();
        var drift = Feature.All.Select((f, k) => Series(f.Name, k, monthNumbers, reports)).ToArray();
        var datasetDrift = seen.Select((m, i) => new MonthDrift(
            m.Month,
            reports[i].NumberOfDriftedColumns,
            reports[i].ShareOfDriftedColumns,
            reports[i].DatasetDrift,
            reports[i].PredictionDrift?.DriftScore,
            reports[i].PredictionDrift?.Drifted)).ToArray();

        var trends = Feature.All.Select(f => Trend(f, reference, seen)).ToArray();
        var histogramMonth = options.HistogramMonth ?? monthNumbers[^1];
        var histogramIndex = Array.IndexOf(monthNumbers, histogramMonth);
        if (histogramIndex < 0)
        {
            throw new InvalidInputException($"histogram month {histogramMonth} is not among the months analysed ({MonthList.Describe(monthNumbers)})");
        }

        var histograms = Feature.All.Select((f, k) => Histograms.Of(
            f, reference.Column(f), seen[histogramIndex].Data.Column(f), histogramMonth, options.HistogramBins, reports[histogramIndex].Columns[k])).ToArray();

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
            predictions = [Summarize(0, referencePredictions!, options.Fallback), .. seen.Select((m, i) => Summarize(m.Month, monthPredictions![i], options.Fallback))];
            var estimator = ReferenceCalibration.Fit(reference, referenceSha256, referencePredictions!, model.Card, options.Seed, notes, out estimation);
            performance = [.. seen.Select((m, i) => Performance(m, monthPredictions![i], estimator, schedule, atMonth))];
        }

        var quality = seen.Select((m, i) => Quality(m, model, monthPredictions?[i], options.Fallback)).ToArray();
        var observations = Interpretation.Observe(new Interpretation.Facts(
            reference, seen, labeled, trends, drift, predictions, performance, quality, datasetDrift, atMonth, schedule));

        return new ProductionAnalysis
        {
            Reference = reference.Name,
            ReferenceRows = reference.Count,
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
    internal static T[] SelectMonths<T>(IReadOnlyList<T> months, Func<T, int> monthOf, Func<T, string> nameOf, AnalysisOptions options, List<string> notes, out int atMonth)
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

    private static RiskPrediction[] Predict(AnalyzedModel model, InsuranceDataset data) =>
        [.. model.Model.PredictAll([.. data.Records.Select(r => r.Features)])];

    private static NumericTable Table(InsuranceDataset data, IReadOnlyList<RiskPrediction>? predictions)
    {
        var columns = Feature.All.ToDictionary(f => f.Name, data.Column);
        if (predictions is not null)
        {
            columns[ColumnMapping.PredictionColumn] = [.. predictions.Select(p => (double)(int)p.Group)];
        }

        return new NumericTable(data.Name, columns);
    }

    /// <summary>One feature's drift over the months, from the drift reports' column <paramref name="column"/>.</summary>
    internal static FeatureDriftSeries Series(string feature, int column, int[] months, DatasetDriftReport[] reports)
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

    private static FeatureTrend Trend(Feature feature, InsuranceDataset reference, MonthData[] months)
    {
        double[] means = [.. months.Select(m => m.Data.Column(feature).Average())];
        var line = LinearTrend.Fit([.. months.Select(m => (double)m.Month)], means);
        return new FeatureTrend(
            feature.Name,
            feature.Kind == FeatureKind.Numerical ? "numerical" : "categorical",
            reference.Column(feature).Average(),
            means,
            line.Slope,
            line.SlopeStandardError,
            months[0].Month,
            means[0],
            months[^1].Month,
            means[^1]);
    }

    private static MonthPredictions Summarize(int month, RiskPrediction[] predictions, FallbackRule fallback)
    {
        var n = (double)predictions.Length;
        return new MonthPredictions(
            month,
            RiskGroups.All.ToDictionary(g => g.Name(), g => predictions.Count(p => p.Group == g) / n),
            predictions.Average(p => p.Certainty),
            predictions.Count(p => p.Certainty < fallback.MinCertainty) / n,
            CertaintyBins.Histogram(predictions.Select(p => p.Certainty)));
    }

    private static MonthPerformance Performance(MonthData month, RiskPrediction[] predictions, ConfidenceBasedPerformanceEstimator? estimator, GroundTruthSchedule schedule, int atMonth)
    {
        var available = month.Data.IsLabeled && schedule.HasLabels(month.Month, atMonth);
        double? realised = null, baseline = null;
        if (available)
        {
            var labels = month.Data.Labels();
            realised = Accuracy.Of(predictions, labels);
            IRiskModel rules = BaselineRiskModel.Instance;
            baseline = Accuracy.Of(rules.PredictAll([.. month.Data.Records.Select(r => r.Features)]), labels);
        }

        var estimate = estimator?.EstimateAccuracy(predictions);
        return new MonthPerformance(month.Month, schedule.LabelsArriveAt(month.Month), available, realised, baseline, estimate?.Estimated, estimate?.StandardError);
    }

    private static MonthQuality Quality(MonthData month, AnalyzedModel? model, RiskPrediction[]? predictions, FallbackRule fallback)
    {
        var (impossible, impossibleRows) = ImpossibleValues.Count(month.Data);
        if (model is null || predictions is null)
        {
            return new MonthQuality(month.Month, month.Data.Count, impossible, impossibleRows, null, null, null, null);
        }

        var outside = model.Card.FeatureRanges.Keys.ToDictionary(name => name, _ => 0);
        int outOfRange = 0, lowCertainty = 0;
        for (var i = 0; i < month.Data.Count; i++)
        {
            var features = month.Data.Records[i].Features;
            foreach (var (name, range) in model.Card.FeatureRanges)
            {
                if (Feature.Find(name) is { } feature && !range.Contains(feature.ValueOf(features)))
                {
                    outside[name]++;
                }
            }

            switch (fallback.Decide(features, model.Card, predictions[i]).Reason)
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
            month.Month, month.Data.Count, impossible, impossibleRows, outside, outOfRange, lowCertainty, (outOfRange + lowCertainty) / (double)month.Data.Count);
    }
}
