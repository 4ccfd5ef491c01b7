using BenchmarkDotNet.Attributes;
using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Generation;
using Mlops.Monitoring;

namespace Mlops.Benchmarks;

/// <summary>
/// Drift of one window over all six features with Evidently's default tests (reference and window of
/// <see cref="Rows"/> rows each, generated months 0 and 36), and single tests on one column, to show
/// the cost per column and that it grows about linearly (n log n from the one sort) with the rows.
/// </summary>
[MemoryDiagnoser]
public class DriftBenchmarks
{
    private DriftCalculator _calculator = null!;
    private NumericTable _window = null!;
    private DriftWindow _ring = null!;
    private SortedSample _referenceAge = null!;
    private SortedSample _currentAge = null!;
    private SortedSample _referenceFlag = null!;
    private SortedSample _currentFlag = null!;

    [Params(1500, 15000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new InsuranceDataGenerator(seed: 0);
        var reference = NumericTable.FromDataset(generator.Generate(new ProductionMonth(0), Rows));
        _window = NumericTable.FromDataset(generator.Generate(new ProductionMonth(36), Rows));
        _calculator = new DriftCalculator(ColumnMapping.Insurance, reference);

        // The monitor's ring buffer after it wrapped: each column is read as two segments, not copied.
        var columns = Feature.All.Select(f => f.Name).ToList();
        _ring = new DriftWindow(columns, Rows);
        var row = new double[columns.Count];
        for (var i = 0; i < Rows + (Rows / 3); i++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                row[c] = _window.Values(columns[c])[i % Rows];
            }

            _ring.Add(row);
        }
        _referenceAge = SortedSample.Of(reference.Values(Feature.Find("age")!.Name));
        _currentAge = SortedSample.Of(_window.Values(Feature.Find("age")!.Name));
        _referenceFlag = SortedSample.Of(reference.Values(Feature.Find("emergency_braking")!.Name));
        _currentFlag = SortedSample.Of(_window.Values(Feature.Find("emergency_braking")!.Name));
    }

    [Benchmark(Baseline = true, Description = "window: 6 columns, default tests")]
    public bool Window() => _calculator.Calculate(_window, DateTimeOffset.UnixEpoch).DatasetDrift;

    [Benchmark(Description = "window: 6 columns from the monitor's ring buffer")]
    public bool RingWindow() => _calculator.Calculate(_ring, DateTimeOffset.UnixEpoch).DatasetDrift;

    [Benchmark(Description = "column: sort current (age)")]
    public int SortColumn()
    {
        _currentAge.Load(_window.Values(Feature.Find("age")!.Name));
        return _currentAge.Count;
    }

    [Benchmark(Description = "column: sort current (emergency_braking)")]
    public int SortFlagColumn()
    {
        _currentFlag.Load(_window.Values(Feature.Find("emergency_braking")!.Name));
        return _currentFlag.Count;
    }

    [Benchmark(Description = "column: wasserstein (age)")]
    public double Wasserstein() => WassersteinDistance.Normed(_referenceAge, _currentAge);

    [Benchmark(Description = "column: KS exact p (age)")]
    public double KolmogorovSmirnovExact() => KolmogorovSmirnov.TwoSample(_referenceAge, _currentAge).PValue;

    [Benchmark(Description = "column: jensenshannon binned (age)")]
    public double JensenShannonBinned() => InformationDistances.JensenShannon(_referenceAge, _currentAge, FeatureKind.Numerical);

    [Benchmark(Description = "column: jensenshannon (emergency_braking)")]
    public double JensenShannonCategorical() => InformationDistances.JensenShannon(_referenceFlag, _currentFlag, FeatureKind.Categorical);
}

/// <summary>The whole offline story: the seed's 36 months against the reference, already in memory.</summary>
[MemoryDiagnoser]
public class DriftSeriesBenchmarks
{
    private DriftCalculator _calculator = null!;
    private NumericTable[] _months = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calculator = new DriftCalculator(ColumnMapping.Insurance, NumericTable.FromDataset(InsuranceCsvReader.ReadFile(BenchmarkData.SeedFile("reference.csv"))));
        _months = [.. Enumerable.Range(1, 36).Select(m => NumericTable.FromDataset(InsuranceCsvReader.ReadFile(BenchmarkData.SeedFile($"month-{m}.csv"))))];
    }

    [Benchmark(Description = "36 seed months vs reference")]
    public int ThirtySixMonths()
    {
        var drifted = 0;
        foreach (var month in _months)
        {
            drifted += _calculator.Calculate(month, DateTimeOffset.UnixEpoch).DatasetDrift ? 1 : 0;
        }

        return drifted;
    }
}
