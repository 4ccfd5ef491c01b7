using Mlops.Core.Validation;

namespace Mlops.Core.Registry;

/// <summary>A <see cref="ValidationReport"/> recorded on a model version: the evidence the promotion gate reads.</summary>
public sealed record ValidationRecord
{
    public required string Version { get; init; }

    public required string DataFile { get; init; }

    /// <summary>SHA-256 of the data the model was validated on (lineage to a registered dataset).</summary>
    public required string DataSha256 { get; init; }

    public required bool Passed { get; init; }

    public required IReadOnlyList<InvariantCheck> Checks { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public IReadOnlyList<InvariantCheck> FailedChecks => Checks.Where(c => !c.Passed).ToList();
}
