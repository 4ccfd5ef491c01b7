namespace Mlops.Core.Drift;

/// <summary>
/// Numeric columns by name, the input of a drift computation. A column may come in two segments (the
/// two halves of a ring buffer) so that a sliding window needs no copy to be read.
/// </summary>
public interface IColumnarData
{
    int RowCount { get; }

    bool HasColumn(string name);

    ColumnSegments Column(string name);
}

/// <summary>The values of one column: <see cref="First"/> followed by <see cref="Second"/>. Missing values are NaN.</summary>
public readonly record struct ColumnSegments(ReadOnlyMemory<double> First, ReadOnlyMemory<double> Second)
{
    public int Length => First.Length + Second.Length;
}
