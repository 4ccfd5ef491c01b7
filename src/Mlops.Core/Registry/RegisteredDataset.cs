using Mlops.Core.Statistics;

namespace Mlops.Core.Registry;

/// <summary>A data file in the registry: identified by its SHA-256, with the statistics of its columns.</summary>
public sealed record RegisteredDataset
{
    public required string Sha256 { get; init; }

    /// <summary>The file name it was first registered under (the same bytes under another name are the same dataset).</summary>
    public required string FileName { get; init; }

    public required int Rows { get; init; }

    public required long SizeBytes { get; init; }

    public required DatasetStatistics Statistics { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }
}
