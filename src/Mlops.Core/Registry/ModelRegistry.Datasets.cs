using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Core.Registry.Catalog;
using Mlops.Core.Statistics;

namespace Mlops.Core.Registry;

/// <summary>Datasets: registered by content hash with their column statistics, so lineage names the exact data.</summary>
public sealed partial class ModelRegistry
{
    /// <summary>
    /// Registers the data file <paramref name="file"/> of <paramref name="problem"/> (default the talk's
    /// insurance problem, read as the seed's <c>;</c>-separated format with the statistics it always had;
    /// any other problem's file through its schema, <paramref name="separator"/> or detected): stores it
    /// by SHA-256 and records its statistics. The same bytes again (under any name) store nothing and
    /// return the existing dataset with <see cref="DatasetRegistration.AlreadyRegistered"/>.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing or not a valid data file of the problem.</exception>
    public DatasetRegistration RegisterDataset(string file, ProblemSchema? problem = null, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (sha, inspection) = _datasets.Store(file, staged =>
        {
            using var reader = new StreamReader(staged);
            var statistics = IsTheTalks(problem)
                ? DatasetStatistics.Of(InsuranceCsvReader.Read(reader, file))
                : DatasetStatistics.Of(ProblemCsvReader.Read(reader, file, problem!, separator));
            return (Statistics: statistics, Size: new FileInfo(staged).Length);
        });
        return _catalog.Write(session =>
        {
            if (DatasetRows.BySha(session, sha) is { } existing)
            {
                return new DatasetRegistration(existing, AlreadyRegistered: true);
            }

            var dataset = new RegisteredDataset
            {
                Sha256 = sha,
                FileName = Path.GetFileName(file),
                Rows = inspection.Statistics.Rows,
                SizeBytes = inspection.Size,
                Statistics = inspection.Statistics,
                RegisteredAt = _time.GetUtcNow(),
                RegisteredBy = _user,
            };
            DatasetRows.Insert(session, dataset);
            return new DatasetRegistration(dataset, AlreadyRegistered: false);
        });
    }

    /// <summary>
    /// The talk's problem keeps its own reading until the insurance types go: the registry has recorded
    /// its statistics (with the raw <c>risk</c> column) for every dataset registered so far.
    /// </summary>
    private static bool IsTheTalks(ProblemSchema? problem) =>
        problem is null
        || ReferenceEquals(problem, ProblemSchema.Insurance)
        || (problem.Name == ProblemSchema.Insurance.Name
            && problem.Features.Select(f => f.Name).SequenceEqual(ProblemSchema.Insurance.Features.Select(f => f.Name), StringComparer.Ordinal));

    /// <summary>The registered dataset with this SHA-256, or null.</summary>
    public RegisteredDataset? FindDataset(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return _catalog.Read(session => DatasetRows.BySha(session, sha256.ToLowerInvariant()));
    }

    /// <summary>Every registered dataset, in registration order.</summary>
    public IReadOnlyList<RegisteredDataset> ListDatasets() => _catalog.Read(DatasetRows.All);

    /// <summary>The stored copy of a registered dataset, verified against its SHA-256.</summary>
    /// <exception cref="UnknownDatasetException">No dataset with this hash is registered.</exception>
    /// <exception cref="ArtifactCorruptedException">The stored file is missing or changed.</exception>
    public string DatasetPath(string sha256)
    {
        var dataset = FindDataset(sha256) ?? throw new UnknownDatasetException($"{sha256}: no registered dataset has this SHA-256");
        return _datasets.Verified(dataset.Sha256, $"dataset {dataset.FileName} ({ArtifactManifest.Abbreviate(dataset.Sha256)})");
    }
}
