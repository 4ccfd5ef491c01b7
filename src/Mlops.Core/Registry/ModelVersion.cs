using System.Text.Json.Serialization;
using Mlops.Core.Models;

namespace Mlops.Core.Registry;

/// <summary>A registered model: its human version, its content hash, its stage and its card.</summary>
public sealed record ModelVersion
{
    /// <summary><c>v1</c>, <c>v2</c>, … in registration order.</summary>
    [JsonPropertyOrder(-2)]
    public string Version => VersionName.Format(Number);

    [JsonPropertyOrder(-1)]
    public required int Number { get; init; }

    /// <summary>The name of the problem the model was trained for (<see cref="ModelCard.ProblemOrInsurance"/>): each problem has its own production model.</summary>
    public required string Problem { get; init; }

    public required ModelStage Stage { get; init; }

    /// <summary>SHA-256 of the model folder's manifest (see <see cref="ArtifactManifest"/>): its identity.</summary>
    public required string ArtifactSha256 { get; init; }

    public required int FileCount { get; init; }

    public required long SizeBytes { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }

    /// <summary>The model's <c>model.json</c> as registered.</summary>
    public required ModelCard Card { get; init; }
}
