using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Reporting.Tests;

/// <summary>The seed's analysis at month 36 with the reference model, and without a model, rendered once.</summary>
public sealed class SeedReportFixture
{
    public SeedReportFixture()
    {
        var referenceFile = RepositoryPaths.SeedMonth(0);
        var reference = ProblemMonth.Read(referenceFile, ProblemSchema.Insurance, 0);
        ProblemMonth[] months = [.. Enumerable.Range(1, 36).Select(m => ProblemMonth.Read(RepositoryPaths.SeedMonth(m), ProblemSchema.Insurance, m))];
        using var trained = RiskModelTrainer.TrainFile(referenceFile, new TrainingOptions());
        var sha = ContentHash.OfFile(referenceFile);
        WithModel = ProductionAnalyzer.Analyze(reference, sha, months, AnalyzedModel.Of("reference model", trained), new AnalysisOptions());
        WithoutModel = ProductionAnalyzer.Analyze(reference, sha, months, null, new AnalysisOptions());
        Html = AnalysisReport.Render(WithModel);
    }

    public ProductionAnalysis WithModel { get; }

    public ProductionAnalysis WithoutModel { get; }

    public string Html { get; }

    /// <summary>6 histograms, 6 drift charts, predicted classes, certainty, accuracy, quality.</summary>
    public const int ChartsWithModel = 16;
}

[CollectionDefinition(Name)]
public sealed class SeedReportGroup : ICollectionFixture<SeedReportFixture>
{
    public const string Name = "seed report";
}
