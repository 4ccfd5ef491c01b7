namespace Mlops.Core.Drift;

/// <summary>
/// Compares current samples with one reference, column by column, as Evidently's data-drift report
/// does. The reference is sorted once here; each call sorts every current column once into a reused
/// buffer, so a window costs O(n log n) per column and allocates only the small bucket arrays. Not
/// thread-safe: one calculation at a time per instance.
/// </summary>
public sealed class DriftCalculator
{
    private readonly PreparedColumn[] _features;
    private readonly PreparedColumn? _prediction;
    private readonly DriftOptions _options;

    public DriftCalculator(ColumnMapping mapping, IColumnarData reference, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(reference);
        Mapping = mapping;
        _options = options ?? new DriftOptions();
        if (_options.DriftShare is <= 0 or > 1)
        {
            throw new InvalidInputException($"drift share must be in (0, 1], got {_options.DriftShare}");
        }

        if (mapping.Features.Count == 0)
        {
            throw new InvalidInputException("no feature columns to monitor");
        }

        ReferenceRows = reference.RowCount;
        _features = [.. mapping.Features.Select(c => Prepare(c, reference, required: true)!)];
        if (mapping.Prediction is not null)
        {
            _prediction = Prepare(mapping.Prediction, reference, required: false);
            PredictionReferenceColumn = _prediction is null ? null : mapping.Prediction.Name;
            if (_prediction is null && mapping.Target is not null && reference.HasColumn(mapping.Target))
            {
                _prediction = Prepare(mapping.Prediction, reference, required: false, referenceColumn: mapping.Target);
                PredictionReferenceColumn = _prediction is null ? null : mapping.Target;
            }
        }
    }

    /// <summary>The reference column prediction drift compares with: the prediction itself, else the target labels, else none.</summary>
    public string? PredictionReferenceColumn { get; }

    public ColumnMapping Mapping { get; }

    public int ReferenceRows { get; }

    /// <summary>False when the reference has neither the prediction nor the target column: no prediction drift then.</summary>
    public bool HasPredictionReference => _prediction is not null;

    public DatasetDriftReport Calculate(IColumnarData current, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(current);
        var columns = new ColumnDrift[_features.Length];
        var drifted = 0;
        for (var i = 0; i < _features.Length; i++)
        {
            var column = _features[i].Column.Name;
            if (!current.HasColumn(column))
            {
                throw new InvalidInputException($"the current data has no column '{column}'");
            }

            columns[i] = _features[i].Compare(current.Column(column), ReferenceRows);
            drifted += columns[i].Drifted ? 1 : 0;
        }

        ColumnDrift? prediction = null;
        if (_prediction is not null && current.HasColumn(_prediction.Column.Name))
        {
            var values = current.Column(_prediction.Column.Name);
            prediction = _prediction.Compare(values, ReferenceRows);
            if (prediction.CurrentRows == 0)
            {
                prediction = null;
            }
        }

        // Only features count: prediction drift is a separate signal (see ColumnMapping).
        var share = (double)drifted / columns.Length;
        return new DatasetDriftReport(
            timestamp,
            ReferenceRows,
            current.RowCount,
            columns,
            columns.Length,
            drifted,
            share,
            _options.DriftShare,
            share >= _options.DriftShare,
            prediction);
    }

    private static PreparedColumn? Prepare(DriftColumn column, IColumnarData reference, bool required, string? referenceColumn = null)
    {
        referenceColumn ??= column.Name;
        StatTest? test = null;
        if (column.Test is not null)
        {
            test = StatTests.Find(column.Test)
                ?? throw new InvalidInputException($"column '{column.Name}': unknown drift test '{column.Test}' (known: {StatTests.Names})");
            if (!test.AppliesTo(column.Kind))
            {
                throw new InvalidInputException($"column '{column.Name}': test '{test.Name}' does not apply to {column.Kind.ToString().ToLowerInvariant()} columns");
            }
        }

        if (column.Threshold is { } t && (!double.IsFinite(t) || t < 0))
        {
            throw new InvalidInputException($"column '{column.Name}': threshold must be a finite number ≥ 0, got {t}");
        }

        if (!reference.HasColumn(referenceColumn))
        {
            return required ? throw new InvalidInputException($"the reference data has no column '{referenceColumn}'") : null;
        }

        var segments = reference.Column(referenceColumn);
        var sample = new SortedSample(segments.Length);
        sample.Load(segments.First.Span, segments.Second.Span);
        if (sample.Count == 0)
        {
            return required ? throw new InvalidInputException($"the reference data has no values in column '{referenceColumn}'") : null;
        }

        return new PreparedColumn(column, sample, test);
    }

    private sealed class PreparedColumn(DriftColumn column, SortedSample reference, StatTest? test)
    {
        private readonly SortedSample _current = new(reference.Count);

        public DriftColumn Column { get; } = column;

        public ColumnDrift Compare(ColumnSegments values, int referenceRows)
        {
            _current.Load(values.First.Span, values.Second.Span);
            if (_current.Count == 0)
            {
                return new ColumnDrift(Column.Name, Column.TypeLabel, test?.Name ?? "none", double.NaN, Column.Threshold ?? double.NaN, false, reference.Count, 0);
            }

            var chosen = test ?? DefaultStatTest.Choose(referenceRows, SortedSample.CombinedDistinctCount(reference, _current, DefaultStatTest.DistinctValuesNeeded), Column.Kind);
            var result = chosen.Run(reference, _current, Column.Kind, Column.Threshold);
            return new ColumnDrift(Column.Name, Column.TypeLabel, result.Test, result.Score, result.Threshold, result.Drifted, reference.Count, _current.Count);
        }
    }
}
