namespace Mlops.Core.Validation;

/// <summary>The quality gate's verdict on a model for one dataset: every check and whether all passed.</summary>
public sealed record ValidationReport
{
    public required string DataFile { get; init; }

    public required string DataSha256 { get; init; }

    public required IReadOnlyList<InvariantCheck> Checks { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }

    public bool Passed => Checks.All(c => c.Passed);

    public IEnumerable<InvariantCheck> Failed => Checks.Where(c => !c.Passed);
}
