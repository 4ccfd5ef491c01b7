using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.PredictionLog;

/// <summary>Precision and recall of one class (by the problem's name for it) among the labeled answers of a period; null where nothing was predicted or labeled as it.</summary>
public sealed record ClassPerformance(string Class, int Labeled, int Predicted, double? Precision, double? Recall);

/// <summary>
/// What production actually answered in one period, judged by the labels that arrived for it.
/// </summary>
/// <param name="Period">The day, week or month (UTC).</param>
/// <param name="Predictions">Answers logged in the period.</param>
/// <param name="Labeled">Of those, how many have a label.</param>
/// <param name="LabeledShare">Labeled / predictions.</param>
/// <param name="RealisedAccuracy">Share of labeled answers that were right — whoever answered (model or fallback); null without labels.</param>
/// <param name="ModelLabeled">Labeled answers the model gave itself (source <c>ml</c>).</param>
/// <param name="ModelAccuracy">Accuracy of the model's own answers among the labeled ones; null without any.</param>
/// <param name="Classes">Per class, over the labeled answers.</param>
/// <param name="EstimatedAccuracy">The label-free estimate (CBPE) of the model's accuracy on all the period's inputs (<see cref="RecordEstimator"/>); null without a model and a labeled reference.</param>
/// <param name="EstimateStandardError">Its standard error if the calibration holds.</param>
/// <param name="ScoredAccuracy">The model's accuracy on every labeled input, scored again from the log (also where the fallback answered): the figure the offline analysis gives for the model; null without a model or labels.</param>
public sealed record PeriodPerformance(
    string Period,
    int Predictions,
    int Labeled,
    double LabeledShare,
    double? RealisedAccuracy,
    int ModelLabeled,
    double? ModelAccuracy,
    IReadOnlyList<ClassPerformance> Classes,
    double? EstimatedAccuracy = null,
    double? EstimateStandardError = null,
    double? ScoredAccuracy = null);

/// <summary>Realised performance from the record: the prediction log joined to its late labels, per period.</summary>
public static class RecordPerformance
{
    /// <param name="log">The record.</param>
    /// <param name="by">The periods.</param>
    /// <param name="problem">The problem whose classes the log's answers and labels index; null: the estimator's model's, else the talk's insurance problem.</param>
    /// <param name="estimator">The model and calibration for the estimate and the scored accuracy; null leaves them out.</param>
    /// <param name="requestIdPrefix">Only the answers whose client key (<see cref="ClientKey"/>) starts with this, e.g. one customer group or one simulated month (<c>m12-</c>); null for all.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<IReadOnlyList<PeriodPerformance>> ComputeAsync(
        IPredictionLog log, PerformancePeriod by, RecordEstimator? estimator = null, string? requestIdPrefix = null, ProblemSchema? problem = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var classes = (problem ?? estimator?.Problem ?? ProblemSchema.Insurance).Label.Classes;
        var labels = await log.Labels.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var periods = new SortedDictionary<string, List<(LoggedPrediction Row, int? Label)>>(StringComparer.Ordinal);
        for (var after = 0L; await log.ReadAfterAsync(after, 10_000, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page; after = page[^1].Id)
        {
            foreach (var row in page)
            {
                if (requestIdPrefix is not null && row.RequestId?.StartsWith(requestIdPrefix, StringComparison.Ordinal) != true)
                {
                    continue;
                }

                var period = by.Of(row.LoggedAt);
                if (!periods.TryGetValue(period, out var rows))
                {
                    periods[period] = rows = [];
                }

                rows.Add((row, labels.TryGetValue(row.PredictionId, out var label) ? label : null));
            }
        }

        return [.. periods.Select(p => Of(p.Key, p.Value, classes, estimator))];
    }

    private static PeriodPerformance Of(string period, List<(LoggedPrediction Row, int? Label)> rows, IReadOnlyList<ClassDefinition> classNames, RecordEstimator? estimator)
    {
        var labeled = rows.Where(r => r.Label is not null).Select(r => (r.Row, Label: r.Label!.Value)).ToArray();
        var model = labeled.Where(r => r.Row.Source == "ml").ToArray();
        var classes = Enumerable.Range(0, classNames.Count).Select(c =>
        {
            var actual = labeled.Count(r => r.Label == c);
            var predicted = labeled.Count(r => r.Row.Category == c);
            var hits = labeled.Count(r => r.Label == c && r.Row.Category == c);
            return new ClassPerformance(classNames[c].Name, actual, predicted, predicted == 0 ? null : (double)hits / predicted, actual == 0 ? null : (double)hits / actual);
        }).ToArray();
        AccuracyEstimate? estimate = null;
        double? scored = null;
        if (estimator is not null)
        {
            var vector = new double[estimator.Problem.Features.Count];
            var predictions = new ClassPrediction[rows.Count];
            for (var i = 0; i < predictions.Length; i++)
            {
                var features = rows[i].Row.Features;
                if (features.Count != vector.Length)
                {
                    throw new InvalidInputException(
                        $"the log holds {features.Count} features per answer, the model of problem '{estimator.Problem.Name}' reads {vector.Length}: the estimate needs a model of the log's problem");
                }

                for (var f = 0; f < vector.Length; f++)
                {
                    vector[f] = features[f];
                }

                predictions[i] = estimator.Score(vector);
            }

            estimate = estimator.Estimate(predictions);
            var labeledScores = rows.Select((r, i) => (r.Label, predictions[i].Class)).Where(r => r.Label is not null).ToArray();
            scored = labeledScores.Length == 0 ? null : (double)labeledScores.Count(r => r.Label == r.Class) / labeledScores.Length;
        }

        return new PeriodPerformance(
            period,
            rows.Count,
            labeled.Length,
            rows.Count == 0 ? 0 : (double)labeled.Length / rows.Count,
            Accuracy(labeled),
            model.Length,
            Accuracy(model),
            classes) with
        {
            EstimatedAccuracy = estimate?.Estimated,
            EstimateStandardError = estimate?.StandardError,
            ScoredAccuracy = scored,
        };
    }

    private static double? Accuracy((LoggedPrediction Row, int Label)[] rows) =>
        rows.Length == 0 ? null : (double)rows.Count(r => r.Row.Category == r.Label) / rows.Length;
}
