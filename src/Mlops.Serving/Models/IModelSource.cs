namespace Mlops.Serving.Models;

/// <summary>
/// Where the service gets its model: a fixed folder, a registry version, or whatever the registry
/// says is in production now. The service polls <see cref="Revision"/> and calls <see cref="Load"/>
/// when it changes, so a promotion or rollback reaches the service without a restart.
/// </summary>
public interface IModelSource
{
    /// <summary>What the source serves, for the start-up line, e.g. "registry production model".</summary>
    string Description { get; }

    /// <summary>
    /// A cheap number that changes whenever <see cref="Load"/> would give another model
    /// (the registry's production revision); a source that never changes returns a constant.
    /// </summary>
    long Revision();

    /// <summary>Loads the current model. Throws when it cannot (the caller keeps the old one).</summary>
    ServedModel Load();
}
