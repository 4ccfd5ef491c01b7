using Mlops.Core.Problems;

namespace Mlops.Core.Tests.Problems;

/// <summary>Part of a problem's dataset, for tests that need a variant of a real file (a class left out, the labels gone).</summary>
internal static class DatasetRows
{
    /// <summary>The rows of <paramref name="data"/> that <paramref name="keep"/> selects (by row index), with the sweet-spot target; without labels when <paramref name="labeled"/> is false.</summary>
    public static ProblemDataset Where(ProblemDataset data, string name, Func<int, bool> keep, bool labeled = true)
    {
        var rows = Enumerable.Range(0, data.RowCount).Where(keep).ToArray();
        var columns = Enumerable.Range(0, data.Schema.Features.Count).Select(f => Pick(data.Feature(f).ToArray(), rows)).ToArray();
        int[]? labels = labeled ? Pick(data.Labels.ToArray(), rows) : null;
        var target = data.Schema.Training?.FeatureEngineering?.SweetSpotTarget;
        var scores = target is null ? null : data.IgnoredNumbers(target);
        var numbers = scores is null
            ? null
            : new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase) { [target!] = Pick([.. scores], rows) };
        return new ProblemDataset(name, data.Schema, columns, labels, null, ignoredNumbers: numbers);
    }

    private static T[] Pick<T>(T[] values, int[] rows) => [.. rows.Select(r => values[r])];
}
