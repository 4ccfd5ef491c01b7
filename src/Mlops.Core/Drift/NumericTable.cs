using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>Columns of numbers held in memory: a reference file, a month of production, a test's sample.</summary>
public sealed class NumericTable : IColumnarData
{
    private readonly Dictionary<string, double[]> _columns;

    public NumericTable(string name, IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        _columns = new Dictionary<string, double[]>(columns, StringComparer.Ordinal);
        var lengths = _columns.Values.Select(c => c.Length).Distinct().ToList();
        if (lengths.Count > 1)
        {
            throw new ArgumentException("all columns must have the same length", nameof(columns));
        }

        RowCount = lengths.Count == 0 ? 0 : lengths[0];
    }

    public string Name { get; }

    public int RowCount { get; }

    public IEnumerable<string> ColumnNames => _columns.Keys;

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public ColumnSegments Column(string name) => _columns.TryGetValue(name, out var values)
        ? new ColumnSegments(values, ReadOnlyMemory<double>.Empty)
        : throw new KeyNotFoundException($"{Name} has no column '{name}'");

    public double[] Values(string name) => _columns[name];

    /// <summary>The six features of an insurance dataset (categorical ones as 0/1), labels left out.</summary>
    public static NumericTable FromDataset(InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new NumericTable(dataset.Name, Feature.All.ToDictionary(f => f.Name, dataset.Column));
    }
}
