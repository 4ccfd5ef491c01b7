using BenchmarkDotNet.Attributes;
using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Reporting;

namespace Mlops.Benchmarks;

/// <summary>
/// <c>mlops analyze</c> on the seed's reference and all 36 months, in its parts: the numbers without a
/// model (drift, trends, histograms, quality), the numbers with the model (adds 55,500 predictions and
/// the performance estimate, whose calibration trains five fold models), the calibration alone, and
/// rendering the HTML report with its 16 charts from finished numbers.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private ProblemMonth _reference = null!;
    private string _referenceHash = null!;
    private ProblemMonth[] _months = null!;
    private TrainedModel _model = null!;
    private AnalyzedModel _analyzed = null!;
    private ProductionAnalysis _analysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchmarkData.SeedFile("reference.csv");
        _reference = ProblemMonth.Read(file, ProblemSchema.Insurance, 0);
        _referenceHash = ContentHash.OfFile(file);
        _months = [.. Enumerable.Range(1, 36).Select(m => ProblemMonth.Read(BenchmarkData.SeedFile($"month-{m}.csv"), ProblemSchema.Insurance, m))];
        _model = RiskModelTrainer.TrainFile(file, new TrainingOptions());
        _analyzed = AnalyzedModel.Of("reference", _model);
        _analysis = ProductionAnalyzer.Analyze(_reference, _referenceHash, _months, _analyzed, new AnalysisOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true, Description = "analyze numbers, no model (reference + 36 months)")]
    public int AnalyzeWithoutModel() =>
        ProductionAnalyzer.Analyze(_reference, _referenceHash, _months, null, new AnalysisOptions()).Observations.Count;

    [Benchmark(Description = "analyze numbers, with model (incl. CBPE calibration)")]
    public int AnalyzeWithModel() =>
        ProductionAnalyzer.Analyze(_reference, _referenceHash, _months, _analyzed, new AnalysisOptions()).Observations.Count;

    [Benchmark(Description = "CBPE calibration alone (5-fold cross-fit + isotonic)")]
    public double Calibrate()
    {
        var predictions = CrossFittedPredictions.Of(_reference.Data, FoldTrainer.For(_model.Card, _reference.Data, _reference.Scores), _model.Card.Seed);
        return ConfidenceBasedPerformanceEstimator.Fit(predictions, _reference.Data.Labels.ToArray(), _reference.Data.Schema.Label.Classes.Count).ReferenceEstimate.Estimated;
    }

    [Benchmark(Description = "render the HTML report (16 PNG charts)")]
    public int Render() => AnalysisReport.Render(_analysis).Length;
}
