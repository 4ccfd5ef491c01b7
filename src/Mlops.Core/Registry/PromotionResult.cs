namespace Mlops.Core.Registry;

/// <summary>The result of <see cref="ModelRegistry.Promote"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Model">The version as it is now (its stage is production unless refused).</param>
/// <param name="Replaced">The previous production version, now archived; null when there was none or nothing changed.</param>
/// <param name="Gate">The gate's verdict, also when it was forced or not needed.</param>
/// <param name="ProductionRevision">The production revision after the request.</param>
public sealed record PromotionResult(PromotionOutcome Outcome, ModelVersion Model, string? Replaced, GateVerdict Gate, long ProductionRevision)
{
    public bool InProduction => Outcome != PromotionOutcome.Refused;
}
