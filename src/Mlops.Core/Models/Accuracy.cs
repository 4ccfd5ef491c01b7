namespace Mlops.Core.Models;

/// <summary>Share of rows whose predicted class is the true one.</summary>
public static class Accuracy
{
    /// <summary>Accuracy of class predictions against class indices over the given rows; NaN for no rows.</summary>
    public static double Of(IReadOnlyList<ClassPrediction> predictions, ReadOnlySpan<int> classes, IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        var correct = 0;
        foreach (var i in rows)
        {
            count++;
            if (predictions[i].Class == classes[i])
            {
                correct++;
            }
        }

        return count == 0 ? double.NaN : (double)correct / count;
    }
}
