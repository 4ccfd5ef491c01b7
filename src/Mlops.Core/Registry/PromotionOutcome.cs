namespace Mlops.Core.Registry;

/// <summary>What a promotion request did.</summary>
public enum PromotionOutcome
{
    /// <summary>The version passed the gate and is now in production.</summary>
    Promoted,

    /// <summary>The gate refused, the caller forced it with a reason: the version is in production.</summary>
    ForcedPromotion,

    /// <summary>The version already was the production model; nothing changed.</summary>
    AlreadyInProduction,

    /// <summary>The gate refused and nothing changed.</summary>
    Refused,
}
