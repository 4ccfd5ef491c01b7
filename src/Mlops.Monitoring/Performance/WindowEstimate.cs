using Mlops.Core.Drift;
using Mlops.Core.PredictionLog;

namespace Mlops.Monitoring.Performance;

/// <summary>
/// The label-free estimate of the model's accuracy (any problem) on a dataset's window, kept as one more window
/// column: when rows arrive, the model scores each row's inputs and the row gets the calibrated
/// probability that the model's answer is right (<see cref="RecordEstimator.ExpectedCorrect"/>); the
/// window's estimate is the column's mean — what <c>mlops performance</c> gives for the same rows.
/// Scoring on arrival, outside the window's lock, keeps the drift calculation as fast as before.
/// </summary>
public sealed class WindowEstimate
{
    /// <summary>The window's column; the colon keeps it apart from any data column, as <see cref="Ingestion.AnswerSourceColumn.WindowColumn"/>.</summary>
    public const string WindowColumn = "estimate:expected_correct";

    private readonly RecordEstimator _estimator;
    private readonly int[] _featureColumns;

    /// <param name="estimator">The model and its calibration.</param>
    /// <param name="dataset">The dataset, for the error.</param>
    /// <param name="columns">The columns of the rows given to <see cref="Extend"/>.</param>
    /// <exception cref="Core.InvalidInputException">The dataset lacks one of the model's features.</exception>
    public WindowEstimate(RecordEstimator estimator, string dataset, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(columns);
        _estimator = estimator;
        _featureColumns = [.. estimator.Problem.Features.Select(f =>
        {
            var index = columns.ToList().FindIndex(c => string.Equals(c, f.Name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new Core.InvalidInputException($"dataset '{dataset}' has no column '{f.Name}': the performance estimate needs all the model's features");
        })];
    }

    /// <summary>The rows with the expected-correct value appended to each.</summary>
    public IReadOnlyList<double[]> Extend(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var extended = new double[rows.Count][];
        var vector = new double[_featureColumns.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var values = new double[row.Length + 1];
            row.CopyTo(values, 0);
            for (var f = 0; f < vector.Length; f++)
            {
                vector[f] = row[_featureColumns[f]];
            }

            values[^1] = _estimator.ExpectedCorrect(_estimator.Score(vector));
            extended[i] = values;
        }

        return extended;
    }

    /// <summary>The mean of the column over the window: the estimated accuracy; null for an empty window.</summary>
    public static double? Of(ColumnSegments column)
    {
        double sum = 0;
        var n = 0;
        foreach (var segment in new[] { column.First, column.Second })
        {
            foreach (var value in segment.Span)
            {
                sum += value;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }
}
