using Mlops.Core.Problems;

namespace Mlops.Core.Analysis;

/// <summary>One month of production requests of any problem, labeled or not; month 0 is the reference.</summary>
/// <param name="Month">The month (0: the reference, the data the model was trained on).</param>
/// <param name="Data">The rows, read through the problem.</param>
/// <param name="Scores">
/// Per row, the number its label was cut from, when the file has one for every row (the column the problem's
/// training names as <c>sweet_spot_target</c>, e.g. the seed's <c>risk</c>); null otherwise. The talk's
/// trainer locates its sweet spots by it, and the interpretation measures a feature's effect on it.
/// </param>
public sealed record ProblemMonth(int Month, ProblemDataset Data, IReadOnlyList<double>? Scores = null)
{
    /// <summary>Reads a data file of <paramref name="problem"/> with its scores, if the problem names a score column.</summary>
    /// <exception cref="Data.DataFormatException">The file does not fit the problem.</exception>
    public static ProblemMonth Read(string path, ProblemSchema problem, int month)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problem);
        var data = ProblemCsvReader.ReadFile(path, problem);
        var column = problem.Training?.FeatureEngineering?.SweetSpotTarget;
        return new ProblemMonth(month, data, column is null ? null : ScoreColumn.Read(path, column));
    }
}
