using BenchmarkDotNet.Attributes;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Core.Validation;

namespace Mlops.Benchmarks;

/// <summary>
/// Phase II of the talk on the seed's reference data (1,500 rows): training, validation, and the
/// two prediction paths the service will use. The rule baseline over the same rows is the yardstick
/// for what a prediction costs at all.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private static readonly RuleModel Rules = RuleModel.For(ProblemSchema.Insurance);
    private ProblemDataset _reference = null!;
    private string _referenceHash = null!;
    private double[][] _rows = null!;
    private TrainedModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchmarkData.SeedFile("reference.csv");
        _reference = ProblemCsvReader.ReadFile(file, ProblemSchema.Insurance, requireLabels: true);
        _referenceHash = ContentHash.OfFile(file);
        _rows = [.. Enumerable.Range(0, _reference.RowCount).Select(r =>
        {
            var vector = new double[_reference.Schema.Features.Count];
            _reference.CopyRow(r, vector);
            return vector;
        })];
        _model = ProblemModelTrainer.Train(_reference, _referenceHash, new TrainingOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Description = "train + validate reference.csv (files)")]
    public bool TrainAndValidateFiles()
    {
        var file = BenchmarkData.SeedFile("reference.csv");
        using var model = ProblemModelTrainer.TrainFile(file, ProblemSchema.Insurance, new TrainingOptions());
        return ModelValidator.ValidateFile(model, file, InvariantSpec.Default).Passed;
    }

    [Benchmark(Description = "train (maxent, in memory)")]
    public double Train()
    {
        using var model = ProblemModelTrainer.Train(_reference, _referenceHash, new TrainingOptions());
        return model.Card.TestAccuracy;
    }

    [Benchmark(Description = "validate (in memory)")]
    public bool Validate() => ModelValidator.Validate(_model, _reference, _referenceHash, InvariantSpec.Default).Passed;

    [Benchmark(Baseline = true, Description = "rule baseline, 1,500 rows")]
    public int PredictBaseline()
    {
        var high = 0;
        foreach (var row in _rows)
        {
            high += Rules.Classify(row) == 0 ? 1 : 0;
        }

        return high;
    }

    [Benchmark(Description = "model, 1,500 rows one by one (pooled engines)")]
    public int PredictOneByOne()
    {
        var high = 0;
        foreach (var row in _rows)
        {
            high += _model.Classifier.Predict(row).Class == 0 ? 1 : 0;
        }

        return high;
    }

    [Benchmark(Description = "model, 1,500 rows of the dataset (ProblemModelTrainer.PredictAll)")]
    public int PredictBatch() => ProblemModelTrainer.PredictAll(_model.Classifier, _reference).Count(p => p.Class == 0);
}
