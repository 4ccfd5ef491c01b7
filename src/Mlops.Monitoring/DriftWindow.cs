using Mlops.Core.Drift;

namespace Mlops.Monitoring;

/// <summary>
/// The sliding window of the latest production rows of one dataset: one ring buffer per column, so a
/// new row overwrites the oldest without moving anything, and the drift calculation reads each column
/// as (at most) two segments without a copy. Not thread-safe; <see cref="MonitoredDataset"/> locks.
/// </summary>
public sealed class DriftWindow : IColumnarData
{
    private readonly Dictionary<string, int> _index;
    private readonly double[][] _columns;
    private int _next;

    public DriftWindow(IReadOnlyList<string> columns, int capacity)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Columns = columns;
        Capacity = capacity;
        _index = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _columns = [.. columns.Select(_ => new double[capacity])];
    }

    /// <summary>The column names, in the order of the values of a row.</summary>
    public IReadOnlyList<string> Columns { get; }

    public int Capacity { get; }

    /// <summary>Rows in the window now (up to <see cref="Capacity"/>).</summary>
    public int RowCount { get; private set; }

    /// <summary>Rows ever added.</summary>
    public long RowsAdded { get; private set; }

    public bool IsFull => RowCount == Capacity;

    /// <summary>Adds one row: values in <see cref="Columns"/> order, NaN for a missing value.</summary>
    public void Add(ReadOnlySpan<double> row)
    {
        if (row.Length != _columns.Length)
        {
            throw new ArgumentException($"a row has {_columns.Length} values, got {row.Length}", nameof(row));
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c][_next] = row[c];
        }

        _next = (_next + 1) % Capacity;
        RowCount = Math.Min(RowCount + 1, Capacity);
        RowsAdded++;
    }

    public void Add(IEnumerable<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>The column oldest row first: the segment after the write position, then the one before it.</summary>
    public ColumnSegments Column(string name)
    {
        var values = _columns[_index[name]];
        return RowCount < Capacity
            ? new ColumnSegments(values.AsMemory(0, RowCount), ReadOnlyMemory<double>.Empty)
            : new ColumnSegments(values.AsMemory(_next), values.AsMemory(0, _next));
    }
}
