using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Analysis;

/// <summary>The seed's reference and 36 months, the reference model, and their analysis at month 36 — computed once.</summary>
public sealed class SeedAnalysisFixture : IDisposable
{
    public SeedAnalysisFixture()
    {
        ReferenceFile = RepositoryPaths.SeedMonth(0);
        Reference = InsuranceCsvReader.ReadFile(ReferenceFile, requireLabels: true);
        Months = [.. Enumerable.Range(1, 36).Select(m => new MonthData(m, InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(m), requireLabels: true)))];
        Trained = ProblemModelTrainer.TrainFile(ReferenceFile, ProblemSchema.Insurance, new TrainingOptions());
        Model = new AnalyzedModel("reference model", Trained.Model, Trained.Card);
        AtMonth36 = Analyze(new AnalysisOptions());
    }

    public string ReferenceFile { get; }

    public InsuranceDataset Reference { get; }

    public IReadOnlyList<MonthData> Months { get; }

    public TrainedModel Trained { get; }

    public AnalyzedModel Model { get; }

    /// <summary>The default analysis: every month, "now" = month 36, labels 24 months late.</summary>
    public ProductionAnalysis AtMonth36 { get; }

    public ProductionAnalysis Analyze(AnalysisOptions options, bool withModel = true) =>
        ProductionAnalyzer.Analyze(Reference, ContentHash.OfFile(ReferenceFile), Months, withModel ? Model : null, options);

    public void Dispose() => Trained.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SeedAnalysisGroup : ICollectionFixture<SeedAnalysisFixture>
{
    public const string Name = "seed analysis";
}
