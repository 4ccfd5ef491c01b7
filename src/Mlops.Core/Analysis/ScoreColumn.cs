using System.Globalization;
using Mlops.Core.Problems;

namespace Mlops.Core.Analysis;

/// <summary>
/// Reads one ignored numeric column of a data file (the score a label was cut from, e.g. the seed's
/// <c>risk</c>), which <see cref="ProblemCsvReader"/> skips. All or nothing: a file without the column,
/// or with a row whose value is missing or not a number, has no scores.
/// </summary>
public static class ScoreColumn
{
    public static double[]? Read(string path, string column)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(column);
        var index = -1;
        var complete = true;
        var scores = new List<double>();
        CsvTable.Read(
            path,
            separator: null,
            (names, _) => index = names.ToList().FindIndex(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase)),
            (fields, _) =>
            {
                if (index >= 0 && complete && double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    scores.Add(score);
                }
                else
                {
                    complete = false;
                }
            });
        return index >= 0 && complete ? [.. scores] : null;
    }
}
