using Mlops.Core.Models;

namespace Mlops.Core.Estimation;

/// <summary>
/// Calibrated class probabilities, as NannyML's multiclass CBPE makes them: per class, one-vs-rest
/// isotonic regression of "the row is this class" on the model's probability of the class, fitted on
/// labeled rows the model did not learn from; then each row's calibrated probabilities are scaled to
/// sum to 1 (uniform when all are 0). A class is only calibrated when that helps: NannyML's check
/// refits the calibration on 10 stratified 90/10 splits and keeps it only when the expected calibration
/// error on the held-out tenths falls; otherwise the model's probability is used as it is.
/// </summary>
public sealed class ProbabilityCalibration
{
    /// <summary>NannyML's check: this many shuffled splits …</summary>
    public const int CheckSplits = 10;

    /// <summary>… each holding out this share of every class.</summary>
    public const double CheckTestFraction = 0.1;

    private readonly IsotonicRegression?[] _perClass;

    private ProbabilityCalibration(IsotonicRegression?[] perClass, int rows)
    {
        _perClass = perClass;
        Rows = rows;
    }

    /// <summary>The labeled rows the calibration was fitted on.</summary>
    public int Rows { get; }

    /// <summary>The number of classes of the problem, k.</summary>
    public int ClassCount => _perClass.Length;

    /// <summary>Whether the probability of class <paramref name="classIndex"/> is recalibrated (false: used as the model gives it).</summary>
    public bool IsCalibrated(int classIndex) => _perClass[classIndex] is not null;

    /// <summary>Fits one calibrator per class (one-vs-rest, any k ≥ 2) on predictions whose true classes are known.</summary>
    /// <param name="predictions">The model's predictions for held-out labeled rows; k probabilities each.</param>
    /// <param name="labels">The true class indices of the same rows, 0 … k − 1.</param>
    /// <param name="classCount">k: the problem's number of classes.</param>
    /// <param name="seed">Seeds the splits of the calibration check: the same rows and seed give the same calibration.</param>
    public static ProbabilityCalibration Fit(IReadOnlyList<ClassPrediction> predictions, IReadOnlyList<int> labels, int classCount, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (predictions.Count != labels.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions, {labels.Count} labels", nameof(labels));
        }

        if (predictions.FirstOrDefault(p => p.Probabilities.Count != classCount) is { } wrong)
        {
            throw new ArgumentException($"a prediction has {wrong.Probabilities.Count} probabilities for {classCount} classes", nameof(predictions));
        }

        var perClass = new IsotonicRegression?[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var probabilities = predictions.Select(p => p.Probabilities[c]).ToArray();
            var outcomes = labels.Select(l => l == c).ToArray();
            perClass[c] = NeedsCalibration(probabilities, outcomes, seed)
                ? IsotonicRegression.Fit(probabilities, Ones(outcomes))
                : null;
        }

        return new ProbabilityCalibration(perClass, predictions.Count);
    }

    /// <summary>The calibrated probability of each class for one prediction; they sum to 1.</summary>
    public double[] Calibrate(ClassPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var calibrated = new double[_perClass.Length];
        var sum = 0.0;
        for (var c = 0; c < calibrated.Length; c++)
        {
            var p = prediction.Probabilities[c];
            calibrated[c] = _perClass[c]?.Predict(p) ?? p;
            sum += calibrated[c];
        }

        for (var c = 0; c < calibrated.Length; c++)
        {
            calibrated[c] = sum > 0 ? calibrated[c] / sum : 1.0 / calibrated.Length;
        }

        return calibrated;
    }

    /// <summary>
    /// NannyML's <c>needs_calibration</c>: no for a single class or a near-perfect ranking (AUROC &gt; 0.999);
    /// else calibrate on 90 % and measure the expected calibration error on 10 %, ten times, pooled.
    /// </summary>
    internal static bool NeedsCalibration(double[] probabilities, bool[] outcomes, int seed)
    {
        var positives = outcomes.Count(o => o);
        if (positives == 0 || positives == outcomes.Length)
        {
            return false;
        }

        if (AreaUnderCurve(probabilities, outcomes) > 0.999)
        {
            return false;
        }

        var random = new Random(seed);
        var testProbabilities = new List<double>();
        var testCalibrated = new List<double>();
        var testOutcomes = new List<bool>();
        for (var split = 0; split < CheckSplits; split++)
        {
            var test = StratifiedTestRows(outcomes, random);
            var train = Enumerable.Range(0, outcomes.Length).Where(i => !test.Contains(i)).ToArray();
            if (train.Length == 0)
            {
                return false;
            }

            var regression = IsotonicRegression.Fit([.. train.Select(i => probabilities[i])], [.. train.Select(i => outcomes[i] ? 1.0 : 0.0)]);
            foreach (var i in test.Order())
            {
                testProbabilities.Add(probabilities[i]);
                testCalibrated.Add(regression.Predict(probabilities[i]));
                testOutcomes.Add(outcomes[i]);
            }
        }

        if (testOutcomes.Count < 4)
        {
            return false;
        }

        return CalibrationError.Expected(testProbabilities, testOutcomes) > CalibrationError.Expected(testCalibrated, testOutcomes);
    }

    /// <summary>The probability that a random positive row scores above a random negative one (ties count half).</summary>
    internal static double AreaUnderCurve(double[] scores, bool[] outcomes)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        var positives = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (outcomes[order[k]])
                {
                    rankSum += averageRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        var negatives = scores.Length - positives;
        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static HashSet<int> StratifiedTestRows(bool[] outcomes, Random random)
    {
        var test = new HashSet<int>();
        foreach (var value in new[] { true, false })
        {
            var rows = Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i] == value).ToArray();
            random.Shuffle(rows);
            var count = (int)Math.Round(rows.Length * CheckTestFraction, MidpointRounding.AwayFromZero);
            test.UnionWith(rows.Take(count));
        }

        return test;
    }

    private static double[] Ones(bool[] outcomes) => [.. outcomes.Select(o => o ? 1.0 : 0.0)];
}
