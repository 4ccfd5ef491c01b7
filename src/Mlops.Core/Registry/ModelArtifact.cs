namespace Mlops.Core.Registry;

/// <summary>A model version whose files were just verified against their SHA-256: safe to load from <see cref="Path"/>.</summary>
/// <param name="Model">The version.</param>
/// <param name="Path">The verified model folder (holds <c>model.json</c> and the model file(s)).</param>
public sealed record ModelArtifact(ModelVersion Model, string Path);
