using System.Globalization;
using Mlops.Core.Models;

namespace Mlops.Core.Validation;

/// <summary>The talk's invariants, measured against the bounds of an <see cref="InvariantSpec"/>.</summary>
public static class InvariantChecks
{
    /// <summary>
    /// The invariants for any problem's k classes: accuracy band and gap on the split; each class's predicted
    /// count within its expected count · (1 ± tolerance) — n/k, or n times the class's share in
    /// <paramref name="referenceShares"/> when the spec's <c>class_balance</c> is <c>reference</c>; certainty.
    /// </summary>
    /// <param name="spec">The bounds.</param>
    /// <param name="accuracy">The model's accuracy on the split.</param>
    /// <param name="predictions">The model's prediction for every row.</param>
    /// <param name="problem">The problem whose classes are counted.</param>
    /// <param name="referenceShares">The reference's share of each class (by class index); needed for <see cref="ClassBalance.Reference"/>.</param>
    public static IReadOnlyList<InvariantCheck> Evaluate(
        InvariantSpec spec, AccuracySummary accuracy, IReadOnlyList<ClassPrediction> predictions, Problems.ProblemSchema problem, IReadOnlyList<double>? referenceShares)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(problem);
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

        var classes = problem.Label.Classes;
        if (spec.ClassBalance == ClassBalance.Reference && referenceShares is null)
        {
            throw new ArgumentException("class_balance 'reference' needs the reference's class shares", nameof(referenceShares));
        }

        for (var c = 0; c < classes.Count; c++)
        {
            var share = spec.ClassBalance == ClassBalance.Reference ? referenceShares![c] : 1.0 / classes.Count;
            checks.Add(ClassCount(spec, classes[c].Name, share, predictions.Count(p => p.Class == c), predictions.Count));
        }

        var certainty = predictions.Select(p => p.Certainty).ToArray();
        checks.Add(Above("certainty_min", "least certain prediction (top probability)", certainty.Min(), spec.CertaintyMinAbove));
        checks.Add(Above("certainty_mean", "mean certainty (top probability)", certainty.Average(), spec.CertaintyMeanAbove));
        checks.Add(Above("certainty_max", "most certain prediction (top probability)", certainty.Max(), spec.CertaintyMaxAbove));
        return checks;
    }

    /// <summary>
    /// One class's predicted count against its expected count n · <paramref name="share"/> · (1 ± tolerance),
    /// its ends drawn as <see cref="InvariantSpec.ClassCountBounds"/> says.
    /// </summary>
    public static InvariantCheck ClassCount(InvariantSpec spec, string className, double share, int count, int n)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(className);
        var name = $"class_count_{className}";
        var within = spec.ClassBalance == ClassBalance.Reference
            ? $"within the reference's share {Number(share)} · n ± {spec.ClassCountTolerance:P0}"
            : $"within n/{Number(1 / share)} ± {spec.ClassCountTolerance:P0}";
        var description = $"predicted '{className}' rows are balanced: {within}";

        // n / k for the uniform balance, computed as the talk's n / 3 is: the insurance bounds stay bit for bit.
        var expected = spec.ClassBalance == ClassBalance.Reference ? n * share : n / Math.Round(1 / share);
        if (spec.ClassCountBounds == ClassCountBounds.PythonRange)
        {
            // Python's range(int(n/3*0.85), int(n/3*1.15)): the same double arithmetic, int() truncating, the upper end excluded.
            var low = (long)(expected * (1 - spec.ClassCountTolerance));
            var highExclusive = (long)(expected * (1 + spec.ClassCountTolerance));
            var inside = Math.Min(count - low, highExclusive - 1 - count);
            return new InvariantCheck(name, description + " (Python's range: upper end excluded)", count, $"{low} .. {highExclusive - 1}", inside >= 0) { Margin = inside };
        }

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
