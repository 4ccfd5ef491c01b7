using System.Globalization;
using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Core.Validation;

/// <summary>The talk's invariants, measured against the bounds of an <see cref="InvariantSpec"/>.</summary>
public static class InvariantChecks
{
    /// <summary>
    /// Accuracy band and gap on the split; class balance and certainty over the predictions for all rows.
    /// </summary>
    public static IReadOnlyList<InvariantCheck> Evaluate(InvariantSpec spec, AccuracySummary accuracy, IReadOnlyList<RiskPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            throw new ArgumentException("no predictions to check", nameof(predictions));
        }

        var checks = new List<InvariantCheck>
        {
            Above("train_accuracy_min", "train accuracy is good enough", accuracy.Train, spec.AccuracyMin),
            Above("test_accuracy_min", "test accuracy is good enough", accuracy.Test, spec.AccuracyMin),
        };
        if (spec.AccuracyMax is { } accuracyMax)
        {
            checks.Add(Below("train_accuracy_max", "train accuracy is not suspiciously good", accuracy.Train, accuracyMax));
            checks.Add(Below("test_accuracy_max", "test accuracy is not suspiciously good", accuracy.Test, accuracyMax));
        }

        checks.Add(Below("train_test_gap", "no overfitting: |train - test| accuracy", Math.Abs(accuracy.Train - accuracy.Test), spec.TrainTestGapMax));

        foreach (var group in RiskGroups.All)
        {
            checks.Add(ClassCount(spec, group, predictions.Count(p => p.Group == group), predictions.Count));
        }

        var certainty = predictions.Select(p => p.Certainty).ToArray();
        checks.Add(Above("certainty_min", "least certain prediction (top probability)", certainty.Min(), spec.CertaintyMinAbove));
        checks.Add(Above("certainty_mean", "mean certainty (top probability)", certainty.Average(), spec.CertaintyMeanAbove));
        checks.Add(Above("certainty_max", "most certain prediction (top probability)", certainty.Max(), spec.CertaintyMaxAbove));
        return checks;
    }

    /// <summary>One class's predicted count against n/3 · (1 ± tolerance), its ends drawn as <see cref="InvariantSpec.ClassCountBounds"/> says.</summary>
    public static InvariantCheck ClassCount(InvariantSpec spec, RiskGroup group, int count, int n)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = $"class_count_{group.Name()}";
        var description = $"predicted '{group.Name()}' rows are balanced: within n/3 ± {spec.ClassCountTolerance:P0}";
        if (spec.ClassCountBounds == ClassCountBounds.PythonRange)
        {
            // Python's range(int(n/3*0.85), int(n/3*1.15)): the same double arithmetic, int() truncating, the upper end excluded.
            var low = (long)(n / (double)RiskGroups.Count * (1 - spec.ClassCountTolerance));
            var highExclusive = (long)(n / (double)RiskGroups.Count * (1 + spec.ClassCountTolerance));
            var inside = Math.Min(count - low, highExclusive - 1 - count);
            return new InvariantCheck(name, description + " (Python's range: upper end excluded)", count, $"{low} .. {highExclusive - 1}", inside >= 0) { Margin = inside };
        }

        var expected = n / (double)RiskGroups.Count;
        var allowed = expected * spec.ClassCountTolerance;
        var margin = allowed - Math.Abs(count - expected);
        return new InvariantCheck(name, description, count, $"{Number(expected - allowed)} .. {Number(expected + allowed)}", margin >= 0) { Margin = margin };
    }

    private static InvariantCheck Above(string name, string description, double measured, double bound) =>
        new(name, description, measured, $"> {Number(bound)}", measured > bound) { Margin = measured - bound };

    private static InvariantCheck Below(string name, string description, double measured, double bound) =>
        new(name, description, measured, $"< {Number(bound)}", measured < bound) { Margin = bound - measured };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
