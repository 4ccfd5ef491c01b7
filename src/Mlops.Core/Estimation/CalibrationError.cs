namespace Mlops.Core.Estimation;

/// <summary>
/// Expected calibration error as NannyML measures it: the rows sorted by probability, cut into equal-count
/// bins, and the row-weighted mean of |mean probability − share of positives| over the bins.
/// </summary>
public static class CalibrationError
{
    public const int DefaultBins = 10;

    public static double Expected(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        var n = probabilities.Count;
        if (n != outcomes.Count)
        {
            throw new ArgumentException($"{n} probabilities, {outcomes.Count} outcomes", nameof(outcomes));
        }

        if (n <= 2 * bins)
        {
            bins = n / 2;
        }

        if (bins < 2)
        {
            throw new ArgumentException($"{n} rows are too few for two bins", nameof(probabilities));
        }

        var order = Enumerable.Range(0, n).OrderBy(i => probabilities[i]).ToArray();
        var width = n / bins;
        var error = 0.0;
        for (var b = 0; b < bins; b++)
        {
            var from = b * width;
            var to = b == bins - 1 ? n : from + width;
            double probability = 0, positives = 0;
            for (var k = from; k < to; k++)
            {
                probability += probabilities[order[k]];
                positives += outcomes[order[k]] ? 1 : 0;
            }

            var count = to - from;
            error += (double)count / n * Math.Abs((probability / count) - (positives / count));
        }

        return error;
    }
}
