using Mlops.Core.Data;
using Mlops.Core.Registry.Catalog;
using Mlops.Core.Statistics;

namespace Mlops.Core.Registry;

/// <summary>Datasets: registered by content hash with their column statistics, so lineage names the exact data.</summary>
public sealed partial class ModelRegistry
{
    /// <summary>
    /// Registers the data file <paramref name="file"/> (the seed's <c>;</c>-separated format): stores it
    /// by SHA-256 and records its statistics. The same bytes again (under any name) store nothing and
    /// return the existing dataset with <see cref="DatasetRegistration.AlreadyRegistered"/>.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing or not a valid data file.</exception>
    public DatasetRegistration RegisterDataset(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (sha, inspection) = _datasets.Store(file, staged =>
        {
            using var reader = new StreamReader(staged);
            var dataset = InsuranceCsvReader.Read(reader, file);
            return (Statistics: DatasetStatistics.Of(dataset), Size: new FileInfo(staged).Length);
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
