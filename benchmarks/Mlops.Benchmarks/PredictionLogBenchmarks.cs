using BenchmarkDotNet.Attributes;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;

namespace Mlops.Benchmarks;

/// <summary>
/// Appending a batch of 1,000 answered predictions to the SQLite prediction log, as the service's
/// writer does off the request path: its cost per row bounds how many predictions a second the
/// log keeps up with on one core.
/// </summary>
[MemoryDiagnoser]
public class PredictionLogBenchmarks
{
    private const int BatchRows = 1000;
    private string _folder = null!;
    private SqlitePredictionLog _log = null!;
    private LoggedPrediction[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"mlops-bench-log-{Environment.ProcessId}");
        Directory.CreateDirectory(_folder);
        _log = SqlitePredictionLog.Open(Path.Combine(_folder, "predictions.db"));
        var seed = ProblemCsvReader.ReadFile(BenchmarkData.SeedFile("reference.csv"), ProblemSchema.Insurance);
        _batch = [.. Enumerable.Range(0, BatchRows).Select(r =>
        {
            var features = new double[seed.Schema.Features.Count];
            seed.CopyRow(r, features);
            return LoggedPrediction.Of(DateTimeOffset.UtcNow, "v1", "ml", new ClassPrediction(2, [0.1, 0.2, 0.7]), features);
        })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "append 1,000 rows (one transaction)")]
    public Task AppendBatch() => _log.AppendAsync(_batch);
}
