namespace Mlops.Core.Drift;

/// <summary>
/// Counts per category of two samples over the union of their categories (a category missing on one
/// side counts 0 there): the shape of Evidently's value-count dictionaries, computed by one merge walk
/// over the two sorted samples instead of hashing.
/// </summary>
public static class CategoryCounts
{
    /// <summary>Number of categories in the union; the spans passed to <see cref="Fill"/> must have this length.</summary>
    public static int UnionSize(SortedSample reference, SortedSample current) => SortedSample.CombinedDistinctCount(reference, current);

    /// <summary>Writes the counts of every category, in ascending category order.</summary>
    public static void Fill(SortedSample reference, SortedSample current, Span<double> referenceCounts, Span<double> currentCounts, Span<double> categories = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var x = reference.Values;
        var y = current.Values;
        int i = 0, j = 0, k = 0;
        while (i < x.Length || j < y.Length)
        {
            var v = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            var startI = i;
            var startJ = j;
            while (i < x.Length && x[i] == v)
            {
                i++;
            }

            while (j < y.Length && y[j] == v)
            {
                j++;
            }

            referenceCounts[k] = i - startI;
            currentCounts[k] = j - startJ;
            if (!categories.IsEmpty)
            {
                categories[k] = v;
            }

            k++;
        }
    }
}
