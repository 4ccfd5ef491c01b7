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
        Typed = InsuranceCsvReader.ReadFile(ReferenceFile, requireLabels: true);
        TypedMonths = [.. Enumerable.Range(1, 36).Select(m => InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(m), requireLabels: true))];
        Reference = ProblemMonth.Read(ReferenceFile, ProblemSchema.Insurance, 0);
        Months = [.. Enumerable.Range(1, 36).Select(m => ProblemMonth.Read(RepositoryPaths.SeedMonth(m), ProblemSchema.Insurance, m))];
        Trained = RiskModelTrainer.TrainFile(ReferenceFile, new TrainingOptions());
        Model = AnalyzedModel.Of("reference model", Trained);
        AtMonth36 = Analyze(new AnalysisOptions());
    }

    public string ReferenceFile { get; }

    /// <summary>The reference as the analysis reads it: through the insurance problem, with the seed's risk scores.</summary>
    public ProblemMonth Reference { get; }

    public IReadOnlyList<ProblemMonth> Months { get; }

    /// <summary>The same files as typed insurance rows, for the tests' independent computations.</summary>
    public InsuranceDataset Typed { get; }

    /// <summary>Months 1 … 36 as typed insurance rows.</summary>
    public IReadOnlyList<InsuranceDataset> TypedMonths { get; }

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
