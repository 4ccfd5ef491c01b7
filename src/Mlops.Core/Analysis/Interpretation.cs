using System.Globalization;

namespace Mlops.Core.Analysis;

/// <summary>
/// The interpretation of any problem's analysis as findings computed from the data; every sentence
/// carries its numbers. A <see cref="Observation.Meaning"/> from the problem's <see cref="Story"/> (the
/// talk's: people get older, slowly; drive less; cars get safer and the driver's own skill matters less)
/// is attached only when the data moves in the direction the story names, so other data gets other (or
/// no) meanings.
/// </summary>
public static class Interpretation
{
    /// <summary>What the interpretation reads.</summary>
    public sealed record Facts(
        ProblemMonth Reference,
        IReadOnlyList<ProblemMonth> Months,
        IReadOnlyList<ProblemMonth> LabeledMonths,
        IReadOnlyList<FeatureTrend> Trends,
        IReadOnlyList<FeatureDriftSeries> Drift,
        IReadOnlyList<MonthPredictions> Predictions,
        IReadOnlyList<MonthPerformance> Performance,
        IReadOnlyList<MonthQuality> Quality,
        IReadOnlyList<MonthDrift> DatasetDrift,
        int AtMonth,
        GroundTruthSchedule Schedule);

    public static IReadOnlyList<Observation> Observe(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var story = Story.For(facts.Reference.Data.Schema.Name);
        var observations = new List<Observation>();
        var n = facts.Months.Count;
        var drifting = facts.DatasetDrift.Where(d => d.DatasetDrift).Select(d => d.Month).ToArray();
        observations.Add(new Observation(
            "dataset",
            drifting.Length == 0
                ? $"no dataset drift in {n} months (never half of the features drifted)"
                : $"dataset drift (at least half of the features drifted) in {drifting.Length} of {n} months, first in month {drifting[0]}"));

        foreach (var trend in facts.Trends)
        {
            observations.Add(FeatureObservation(story, trend, facts.Drift.Single(d => d.Feature == trend.Feature), n));
        }

        observations.AddRange(ConceptObservations(story, facts));
        observations.AddRange(PredictionObservations(story, facts));
        observations.AddRange(PerformanceObservations(facts));
        observations.AddRange(QualityObservations(facts));
        return observations;
    }

    private static Observation FeatureObservation(Story story, FeatureTrend trend, FeatureDriftSeries drift, int months)
    {
        var direction = trend.SlopePerMonth > 0 ? +1 : -1;
        var verb = direction > 0 ? "rose" : "fell";
        var driftText = drift.FirstDriftedMonth is { } first
            ? $"drifted from month {first} ({drift.DriftedMonths} of {months} months, {drift.Test})"
            : $"never drifted ({drift.Test})";
        string text;
        if (trend.Kind == "categorical")
        {
            var what = story.ShareNames.GetValueOrDefault(trend.Feature, $"rows with {trend.Feature} = 1");
            text = drift.DriftedMonths > 0
                ? $"share of {what} {verb} from {Percent(trend.ReferenceMean)} (reference) to {Percent(trend.LastMean)} (month {trend.LastMonth}), {Signed(trend.SlopePerMonth * 100, 2)} points per month; {driftText}"
                : $"share of {what} is stable: {Percent(trend.ReferenceMean)} (reference), {Percent(trend.LastMean)} (month {trend.LastMonth}), {Signed(trend.SlopePerMonth * 100, 2)} points per month; {driftText}";
        }
        else
        {
            text = drift.DriftedMonths > 0
                ? $"mean {trend.Feature} {verb} from {Number(trend.ReferenceMean, 1)} (reference) to {Number(trend.LastMean, 1)} (month {trend.LastMonth}), {Signed(trend.SlopePerMonth, 2)} per month; {driftText}"
                : $"{trend.Feature} is stable: mean {Number(trend.ReferenceMean, 1)} (reference), {Number(trend.LastMean, 1)} (month {trend.LastMonth}), {Signed(trend.SlopePerMonth, 3)} per month; {driftText}";
        }

        var meaning = drift.DriftedMonths > 0 ? story.MeaningOf(trend.Feature, direction) : null;
        return new Observation(trend.Feature, text, meaning);
    }

    /// <summary>
    /// Concept drift needs labels: how much the story's 0/1 features (for the talk: safety training, the
    /// driver's skill, and an emergency-braking assistant, the car's) lower the label's score, in the
    /// reference and every month whose labels have arrived.
    /// </summary>
    private static IEnumerable<Observation> ConceptObservations(Story story, Facts facts)
    {
        var problem = facts.Reference.Data.Schema;
        var concept = story.Concept.Where(c => problem.FindFeature(c.Feature) is not null).ToArray();
        if (!facts.Reference.Data.IsLabeled)
        {
            yield break;
        }

        if (facts.LabeledMonths.Count == 0)
        {
            var firstMonth = facts.Months[0].Month;
            yield return new Observation(
                "concept",
                $"no ground truth has arrived by month {facts.AtMonth}: the labels of month {firstMonth} arrive at month {facts.Schedule.LabelsArriveAt(firstMonth)}; "
                + "until then only the performance estimate tells whether the drift hurts the model");
            yield break;
        }

        if (concept.Length == 0)
        {
            yield break;
        }

        var label = problem.Label.Name ?? problem.Label.Column;
        var scale = FeatureEffect.UsesScore(facts.Reference) && facts.LabeledMonths.All(FeatureEffect.UsesScore) ? $"{label} score" : $"{label} class";
        var last = facts.LabeledMonths[^1];
        foreach (var (feature, what, meaning) in concept)
        {
            double[] months = [0, .. facts.LabeledMonths.Select(m => (double)m.Month)];
            double[] effects = [FeatureEffect.Of(facts.Reference, feature), .. facts.LabeledMonths.Select(m => FeatureEffect.Of(m, feature))];
            var line = LinearTrend.Fit(months, effects);
            var changes = Math.Abs(line.Slope) > 3 * line.SlopeStandardError;
            var text = $"with ground truth up to month {last.Month}: {what} lowers the {scale} by {Number(effects[0], 2)} in the reference and by {Number(effects[^1], 2)} in month {last.Month}, "
                + $"{Signed(line.Slope, 3)} per month{(changes ? "" : " (no clear trend)")}";
            yield return new Observation("concept", text, changes && line.Slope < 0 ? meaning : null);
        }
    }

    private static IEnumerable<Observation> PredictionObservations(Story story, Facts facts)
    {
        if (facts.Predictions.Count == 0)
        {
            yield break;
        }

        var reference = facts.Predictions[0];
        var last = facts.Predictions[^1];
        var drifted = facts.DatasetDrift.Where(d => d.PredictionDrifted == true).Select(d => d.Month).ToArray();
        var problem = facts.Reference.Data.Schema;
        var label = problem.Label.Name is { } name ? " " + name : "";
        var named = story.PredictionClasses.Where(reference.ClassShares.ContainsKey).ToArray();
        string[] classes = named.Length > 0 ? named : [.. problem.Label.Classes.Select(c => c.Name)];
        var shares = classes.Select((c, i) => i == 0
            ? $"{c}{label} for {Percent(reference.ClassShares[c])} of the reference and {Percent(last.ClassShares[c])} of month {last.Month}"
            : $"{c}{label} for {Percent(reference.ClassShares[c])} and {Percent(last.ClassShares[c])}");
        var text = $"the model predicts {string.Join(", ", shares)}; "
            + (drifted.Length == 0 ? "the predicted classes never drifted" : $"the predicted classes drifted from month {drifted[0]} ({drifted.Length} of {facts.Months.Count} months)");
        yield return new Observation("prediction", text, drifted.Length > 0 ? "the prediction itself drifts" : null);
        yield return new Observation(
            "certainty",
            $"mean certainty (top probability) {Number(reference.MeanCertainty, 3)} on the reference, {Number(last.MeanCertainty, 3)} in month {last.Month}; "
            + $"below the fallback's minimum: {Percent(reference.LowCertaintyShare)} and {Percent(last.LowCertaintyShare)}");
    }

    private static IEnumerable<Observation> PerformanceObservations(Facts facts)
    {
        if (facts.Performance.Count == 0)
        {
            yield break;
        }

        var known = facts.Performance.Where(p => p.RealisedAccuracy is not null && p.EstimatedAccuracy is not null).ToArray();
        var latest = facts.Performance[^1];
        if (latest.EstimatedAccuracy is { } estimate)
        {
            yield return new Observation(
                "performance",
                $"estimated accuracy in month {latest.Month}: {Number(estimate, 3)} ± {Number(latest.EstimateStandardError ?? double.NaN, 3)} (CBPE, no labels needed; its labels arrive at month {latest.LabelsArriveAt})");
        }

        if (known.Length == 0)
        {
            yield break;
        }

        var newest = known[^1];
        var errors = known.Select(p => p.EstimateError!.Value).ToArray();
        var worst = known.MaxBy(p => Math.Abs(p.EstimateError!.Value))!;
        var meanError = errors.Average();
        var meanStandardError = known.Average(p => p.EstimateStandardError ?? 0);
        var optimistic = meanError > 3 * meanStandardError;
        yield return new Observation(
            "performance",
            $"realised accuracy in month {newest.Month} (the latest labels at month {facts.AtMonth}): {Number(newest.RealisedAccuracy!.Value, 3)}, the rule baseline {Number(newest.BaselineAccuracy ?? double.NaN, 3)}; "
            + $"the estimate said {Number(newest.EstimatedAccuracy!.Value, 3)}. Over the {known.Length} labeled months the estimate is off by {Signed(meanError, 3)} on average, "
            + $"at most {Signed(worst.EstimateError!.Value, 3)} (month {worst.Month}), against a standard error of {Number(meanStandardError, 3)}",
            optimistic ? "the estimate is too optimistic: the inputs mean another risk now (concept drift), which calibrated probabilities cannot see" : null);
    }

    private static IEnumerable<Observation> QualityObservations(Facts facts)
    {
        var first = facts.Quality.FirstOrDefault(q => q.RowsWithImpossibleValues > 0);
        var last = facts.Quality[^1];
        if (first is null)
        {
            yield return new Observation("quality", $"no impossible values in {facts.Quality.Count} months");
        }
        else
        {
            var kinds = string.Join(", ", ImpossibleValues.For(facts.Reference.Data.Schema)
                .Where(r => facts.Quality.Any(q => q.ImpossibleValues[r.Feature.Name] > 0))
                .Select(r => r.Description));
            yield return new Observation(
                "quality",
                $"impossible values ({kinds}) first in month {first.Month} ({Rows(first.RowsWithImpossibleValues)}); month {last.Month}: {last.RowsWithImpossibleValues} of {last.Rows} rows ({Percent(last.RowsWithImpossibleValues / (double)last.Rows)})");
        }

        var firstFallback = facts.Quality[0];
        if (firstFallback.FallbackShare is { } from && last.FallbackShare is { } to)
        {
            yield return new Observation(
                "fallback",
                $"the rule baseline would answer {Percent(from)} of the requests in month {firstFallback.Month} and {Percent(to)} in month {last.Month} "
                + $"({last.FallbackOutOfRange} outside the training ranges, {last.FallbackLowCertainty} unsure)");
        }
    }

    private static string Rows(int count) => count == 1 ? "1 row" : $"{count} rows";

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Signed(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "-";
        }

        // Round first so a slope of -0.004 reads "+0.00", not "-0.00"; adding 0.0 turns -0 into +0.
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0;
        return (rounded >= 0 ? "+" : "") + Number(rounded, decimals);
    }

    private static string Percent(double share) => Number(share * 100, 1) + " %";
}
