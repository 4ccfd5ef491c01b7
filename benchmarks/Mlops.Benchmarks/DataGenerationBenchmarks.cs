using BenchmarkDotNet.Attributes;
using Mlops.Core.Data;
using Mlops.Core.Generation;

namespace Mlops.Benchmarks;

/// <summary>
/// Generating the 37 files of the talk (reference + 36 months, 1,500 rows each), against a
/// baseline measured in the same run: reading and parsing the seed's own 37 files.
/// </summary>
[MemoryDiagnoser]
public class DataGenerationBenchmarks
{
    private const int Months = 36;
    private InsuranceDataGenerator _generator = null!;
    private string _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generator = new InsuranceDataGenerator(seed: 0);
        _output = Path.Combine(Path.GetTempPath(), $"mlops-bench-{Environment.ProcessId}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "read seed's 37 files")]
    public int ReadSeedFiles()
    {
        var rows = 0;
        for (var m = 0; m <= Months; m++)
        {
            rows += InsuranceCsvReader.ReadFile(BenchmarkData.SeedFile(new ProductionMonth(m).FileName)).Count;
        }

        return rows;
    }

    [Benchmark(Description = "generate 37 months in memory")]
    public int GenerateInMemory()
    {
        var rows = 0;
        for (var m = 0; m <= Months; m++)
        {
            rows += _generator.Generate(new ProductionMonth(m)).Count;
        }

        return rows;
    }

    [Benchmark(Description = "generate + write 37 files")]
    public int GenerateFiles() => DatasetSeries.Write(_generator, _output, Months, InsuranceDataGenerator.DefaultRows).Count;
}
