using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Monitoring;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;
using Mlops.Monitoring.Performance;

namespace Mlops.Monitoring;

/// <summary>
/// One monitored dataset: its reference (sorted once), its sliding window, and the reports computed so
/// far. Drift is computed when the window is full and either the calculation period has passed or a
/// whole new window of rows arrived since the last computation (so replaying month after month gives
/// one report per month); rows that arrive in between are picked up by <see cref="CalculateIfPending"/>.
/// Thread-safe: one lock around window and calculator.
/// </summary>
public sealed class MonitoredDataset
{
    private readonly Lock _lock = new();
    private readonly DriftCalculator _calculator;
    private readonly DriftWindow _window;
    private readonly Queue<WindowDrift> _history = new();
    private readonly int _historySize;
    private readonly TimeSpan _period;
    private readonly TimeProvider _clock;
    private readonly ReferenceSpelling _spelling;
    private DateTimeOffset _nextRun = DateTimeOffset.MinValue;
    private long _rowsAtLastRun;
    private readonly WindowEstimate? _estimate;
    private WindowDrift? _latest;

    /// <param name="name">The dataset's name.</param>
    /// <param name="config">Its reference, mapping and tests.</param>
    /// <param name="monitor">Window and period.</param>
    /// <param name="clock">The time.</param>
    /// <param name="estimator">The model and calibration for the label-free performance estimate of each window; null for none.</param>
    public MonitoredDataset(string name, DatasetConfig config, MonitorConfig monitor, TimeProvider clock, RecordEstimator? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(monitor);
        Name = name;
        _clock = clock;
        Problem = config.ProblemOrInsurance;
        var mapping = config.ToColumnMapping();
        var referencePath = config.Reference!;
        var (reference, header) = NumericTableReader.ReadFileWithHeader(referencePath, Problem);
        _spelling = ReferenceSpelling.Of(header, Problem);
        _calculator = new DriftCalculator(mapping, reference, new DriftOptions { DriftShare = config.DriftShare });
        var columns = mapping.Features.Select(f => f.Name).ToList();
        var optional = new HashSet<string>(StringComparer.Ordinal) { AnswerSourceColumn.WindowColumn };
        string? prediction = null;
        if (mapping.Prediction is not null)
        {
            prediction = mapping.Prediction.Name;
            columns.Add(prediction);
            optional.Add(prediction);
        }

        // Not a drift column: who answered each row, for the fallback rate beside the drift.
        columns.Add(AnswerSourceColumn.WindowColumn);
        WindowColumns = columns;
        _estimate = estimator is null ? null : new WindowEstimate(estimator, name, columns);
        _window = new DriftWindow(_estimate is null ? columns : [.. columns, WindowEstimate.WindowColumn], monitor.WindowSize);
        Rows = new WindowRows(columns, optional, AnswerSourceColumn.WindowColumn, Problem);
        Parser = new RowParser(Rows);
        _historySize = monitor.HistorySize;
        _period = TimeSpan.FromSeconds(monitor.CalculationPeriodSeconds);
        Reference = new ReferenceInfo(
            referencePath,
            ContentHash.OfFile(referencePath),
            reference.RowCount,
            [.. mapping.Features.Select(f => _spelling.Of(f.Name))],
            _calculator.HasPredictionReference ? prediction : null,
            _calculator.PredictionReferenceColumn);
        CalculationPeriodSeconds = monitor.CalculationPeriodSeconds;
        Mapping = mapping;
    }

    public string Name { get; }

    /// <summary>The problem of the dataset's rows: their features' names, aliases, kinds and validity bounds.</summary>
    public ProblemSchema Problem { get; }

    public ReferenceInfo Reference { get; }

    public ColumnMapping Mapping { get; }

    /// <summary>How a row's named values become window values, checked: every source's rows pass here.</summary>
    public WindowRows Rows { get; }

    /// <summary>The posted body's rows (JSON) through <see cref="Rows"/>.</summary>
    public RowParser Parser { get; }

    /// <summary>The columns of a row given to <see cref="Add"/>, in order: the features, the prediction (if mapped), the fallback flag.</summary>
    public IReadOnlyList<string> WindowColumns { get; }

    public double CalculationPeriodSeconds { get; }

    /// <summary>Adds rows (in <see cref="DriftWindow.Columns"/> order) and computes drift if due; returns the new report, if one was computed.</summary>
    public WindowDrift? Add(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_estimate is not null)
        {
            rows = _estimate.Extend(rows);
        }

        lock (_lock)
        {
            _window.Add(rows);
            var now = _clock.GetUtcNow();
            var wholeNewWindow = _window.RowsAdded - _rowsAtLastRun >= _window.Capacity;
            return _window.IsFull && (now >= _nextRun || wholeNewWindow) ? Calculate(now) : null;
        }
    }

    /// <summary>Computes drift if rows arrived since the last computation and the period has passed (the background tick).</summary>
    public WindowDrift? CalculateIfPending()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            return _window.IsFull && _window.RowsAdded > _rowsAtLastRun && now >= _nextRun ? Calculate(now) : null;
        }
    }

    /// <summary>
    /// Computes the drift of the window now if rows arrived since the last report, whatever the period
    /// (a replay closes a month this way); otherwise returns the latest report. Null while the window
    /// is not full.
    /// </summary>
    public WindowDrift? CalculateNow()
    {
        lock (_lock)
        {
            if (!_window.IsFull)
            {
                return null;
            }

            return _window.RowsAdded > _rowsAtLastRun || _latest is null ? Calculate(_clock.GetUtcNow()) : _latest;
        }
    }

    public DatasetStatus Status()
    {
        lock (_lock)
        {
            return new DatasetStatus(Name, Reference, WindowInfo(), _latest, [.. _history]);
        }
    }

    /// <summary>A consistent view for the metrics endpoint.</summary>
    public (WindowInfo Window, WindowDrift? Latest) Snapshot()
    {
        lock (_lock)
        {
            return (WindowInfo(), _latest);
        }
    }

    private WindowInfo WindowInfo() => new(_window.Capacity, _window.RowCount, _window.RowsAdded, CalculationPeriodSeconds);

    private WindowDrift Calculate(DateTimeOffset now)
    {
        var (fallbackRate, withSource) = FallbackRate();
        var report = _spelling.Apply(_calculator.Calculate(_window, now));
        var estimated = _estimate is null ? null : WindowEstimate.Of(_window.Column(WindowEstimate.WindowColumn));
        var drift = new WindowDrift(_window.RowsAdded, report, fallbackRate, withSource, estimated);
        _latest = drift;
        _history.Enqueue(drift);
        while (_history.Count > _historySize)
        {
            _history.Dequeue();
        }

        _rowsAtLastRun = _window.RowsAdded;
        _nextRun = now + _period;
        return drift;
    }

    private (double? Rate, int RowsWithSource) FallbackRate()
    {
        var segments = _window.Column(AnswerSourceColumn.WindowColumn);
        var (known, fallback) = Count(segments.First.Span, 0, 0);
        (known, fallback) = Count(segments.Second.Span, known, fallback);
        return (known == 0 ? null : (double)fallback / known, known);

        static (int Known, int Fallback) Count(ReadOnlySpan<double> values, int known, int fallback)
        {
            foreach (var value in values)
            {
                if (!double.IsNaN(value))
                {
                    known++;
                    fallback += value > 0 ? 1 : 0;
                }
            }

            return (known, fallback);
        }
    }
}
