using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

/// <summary>The default model trained once on the seed's reference data, shared by the tests that only read it.</summary>
public sealed class ReferenceModelFixture : IDisposable
{
    public ReferenceModelFixture()
    {
        Reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true);
        Data = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, requireLabels: true);
        Trained = ProblemModelTrainer.TrainFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, new TrainingOptions());
    }

    public InsuranceDataset Reference { get; }

    /// <summary>The same file through the insurance problem: the vectors, class indices and risk scores the trainer reads.</summary>
    public ProblemDataset Data { get; }

    public TrainedModel Trained { get; }

    public void Dispose() => Trained.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ReferenceModelGroup : ICollectionFixture<ReferenceModelFixture>
{
    public const string Name = "reference model";
}
