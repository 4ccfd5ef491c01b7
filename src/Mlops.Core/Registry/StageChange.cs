namespace Mlops.Core.Registry;

/// <summary>One entry in a version's stage history: what changed, when, by whom and why.</summary>
public sealed record StageChange
{
    public required long Sequence { get; init; }

    public required string Version { get; init; }

    public required StageAction Action { get; init; }

    /// <summary>The stage before; null for <see cref="StageAction.Registered"/>.</summary>
    public ModelStage? From { get; init; }

    public required ModelStage To { get; init; }

    /// <summary>The user's reason (required for a forced promotion) or what caused the change.</summary>
    public string? Reason { get; init; }

    public required string User { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The production revision after this change (see <see cref="ModelRegistry.ProductionRevision"/>).</summary>
    public required long ProductionRevision { get; init; }
}
