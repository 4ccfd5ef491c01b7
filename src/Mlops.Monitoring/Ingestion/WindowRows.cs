using Mlops.Core.Problems;

namespace Mlops.Monitoring.Ingestion;

/// <summary>
/// The one way a row enters a dataset's window, whatever brought it (a posted body through
/// <see cref="RowParser"/>, the prediction log's follower or any <see cref="IRowSource"/> through
/// <see cref="DriftMonitor.Add(string, IEnumerable{IReadOnlyDictionary{string, double}})"/>): values
/// named by column go to their place in the window's column order, each checked the same way against
/// the dataset's problem — an impossible value (outside the feature's validity bounds, not 0/1 for a
/// binary feature, no category's index, or any infinite number: <see cref="PossibleValues"/>) is refused
/// with 422 naming row and column, a missing feature rejects the row unless the problem imputes it, a
/// missing prediction or source is NaN.
/// </summary>
public sealed class WindowRows
{
    private readonly IReadOnlyList<string> _columns;
    private readonly bool[] _optional;
    private readonly Dictionary<string, int> _index;
    private readonly FeatureDefinition?[] _features;

    /// <param name="columns">The window's columns.</param>
    /// <param name="optional">Columns a row may lack (the prediction, the fallback): NaN then.</param>
    /// <param name="sourceColumn">The window column that a row's <c>source</c> text fills (<see cref="AnswerSourceColumn.WindowColumn"/>), or null.</param>
    /// <param name="problem">The problem whose features the columns name (aliases, kinds, bounds, missing values); insurance when null.</param>
    public WindowRows(IReadOnlyList<string> columns, IReadOnlySet<string> optional, string? sourceColumn = null, ProblemSchema? problem = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(optional);
        problem ??= ProblemSchema.Insurance;
        _columns = columns;
        _features = [.. columns.Select(problem.FindFeature)];
        // A feature the problem imputes may be missing (null, or absent): NaN in the window, which drift skips.
        _optional = [.. columns.Select((c, i) => optional.Contains(c) || _features[i]?.Missing == MissingValuePolicy.Impute)];
        SourceColumn = sourceColumn is null ? -1 : columns.ToList().IndexOf(sourceColumn);
        // Every spelling a row may use, any case: a feature's name and aliases (the seed's emergency_breaking), any other column's name.
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i != SourceColumn)
            {
                foreach (var spelling in _features[i]?.Spellings ?? [columns[i]])
                {
                    _index.TryAdd(spelling, i);
                }
            }
        }
    }

    /// <summary>The window's columns, in the order of a row's values.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The position of the source column (who answered), or −1.</summary>
    public int SourceColumn { get; }

    /// <summary>A new row to fill: values and which were given.</summary>
    public Row Begin(int index) => new(this, index);

    /// <summary>The position of a value column under any of its spellings (the seed's <c>emergency_breaking</c>); false for columns the window does not watch.</summary>
    public bool TryFind(string name, out int column)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _index.TryGetValue(name.Trim(), out column);
    }

    public bool IsOptional(int column) => _optional[column];

    /// <summary>The problem's feature a column holds, or null (the prediction, the fallback).</summary>
    public FeatureDefinition? Feature(int column) => _features[column];

    /// <summary>A row named column by column, as the window's own column names say (the follower's and other sources' rows).</summary>
    public double[] FromNamed(IReadOnlyDictionary<string, double> named, int index)
    {
        ArgumentNullException.ThrowIfNull(named);
        var row = Begin(index);
        for (var c = 0; c < _columns.Count; c++)
        {
            if (named.TryGetValue(_columns[c], out var value) && !double.IsNaN(value))
            {
                row.Set(c, value);
            }
        }

        return row.Complete();
    }

    /// <summary>One row being filled; <see cref="Complete"/> checks that every feature came.</summary>
    public readonly struct Row
    {
        private readonly WindowRows _rows;
        private readonly double[] _values;
        private readonly bool[] _seen;

        internal Row(WindowRows rows, int index)
        {
            _rows = rows;
            Index = index;
            _values = new double[rows._columns.Count];
            _seen = new bool[rows._columns.Count];
        }

        /// <summary>The row's position in its request, for messages.</summary>
        public int Index { get; }

        /// <summary>Sets a column's value; an impossible value is refused (422).</summary>
        public void Set(int column, double value)
        {
            _values[column] = value;
            _seen[column] = true;
            var violation = double.IsNaN(value) ? null
                : _rows._features[column] is { } feature ? PossibleValues.Violation(feature, value)
                : double.IsInfinity(value) ? $"must be a finite number, got {value}" : null;
            if (violation is not null)
            {
                throw new BadRowException($"row {Index}: column '{_rows._columns[column]}': {violation}") { Status = 422, Kind = "invalid_value" };
            }
        }

        /// <summary>Sets who answered: 1 for the fallback, 0 for the model, NaN when unknown.</summary>
        public void SetSource(string? source)
        {
            if (_rows.SourceColumn >= 0)
            {
                _values[_rows.SourceColumn] = AnswerSourceColumn.FallbackValue(source);
                _seen[_rows.SourceColumn] = true;
            }
        }

        /// <summary>The values in window order: NaN for an optional column not given; a missing feature rejects the row.</summary>
        public double[] Complete()
        {
            for (var c = 0; c < _seen.Length; c++)
            {
                if (!_seen[c])
                {
                    _values[c] = _rows._optional[c] ? double.NaN : throw new BadRowException($"row {Index}: column '{_rows._columns[c]}' is missing");
                }
            }

            return _values;
        }
    }
}
