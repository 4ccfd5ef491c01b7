namespace Mlops.Core.Registry;

/// <summary>The production model as the prediction service loads it.</summary>
/// <param name="Model">The production version.</param>
/// <param name="Path">Its verified model folder in the store (immutable while the registry exists).</param>
/// <param name="Revision">The production revision this answer belongs to: reload when <see cref="ModelRegistry.ProductionRevision"/> differs.</param>
public sealed record ProductionModel(ModelVersion Model, string Path, long Revision);
