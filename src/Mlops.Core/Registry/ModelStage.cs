namespace Mlops.Core.Registry;

/// <summary>Where a model version is in its life: candidate → production → archived.</summary>
public enum ModelStage
{
    /// <summary>Registered, not (yet) serving.</summary>
    Candidate,

    /// <summary>The one model the service answers with.</summary>
    Production,

    /// <summary>Served once and replaced (by a promotion or a rollback); can be promoted or restored again.</summary>
    Archived,
}
