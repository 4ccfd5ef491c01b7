namespace Mlops.Core.Registry;

/// <summary>Why a version's stage changed; every change is one entry in its history.</summary>
public enum StageAction
{
    /// <summary>Entered the registry as a candidate.</summary>
    Registered,

    /// <summary>Passed the gate and became the production model.</summary>
    Promoted,

    /// <summary>Became the production model although the gate refused it (with a recorded reason).</summary>
    ForcedPromotion,

    /// <summary>Left production because another version was promoted.</summary>
    Replaced,

    /// <summary>Left production because of a rollback.</summary>
    RolledBack,

    /// <summary>Returned to production by a rollback.</summary>
    Restored,
}
