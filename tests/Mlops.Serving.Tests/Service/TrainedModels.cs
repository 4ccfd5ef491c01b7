using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>The models the serving tests register (trained once per run, <see cref="TrainedModelFolders"/>), and real customers to ask about.</summary>
internal static class TrainedModels
{
    public static Task<string> First() => TrainedModelFolders.First();

    public static Task<string> Second() => TrainedModelFolders.Second();

    /// <summary>The seed's reference rows: real customers inside the training ranges.</summary>
    public static IReadOnlyList<InsuranceRecord> ReferenceRows { get; } =
        InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0)).Records;
}
