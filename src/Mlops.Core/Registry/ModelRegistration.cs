namespace Mlops.Core.Registry;

/// <summary>The result of registering a model folder.</summary>
/// <param name="Model">The version the folder's content is registered as.</param>
/// <param name="AlreadyRegistered">True when the same content was registered before: same version back, stored once.</param>
public sealed record ModelRegistration(ModelVersion Model, bool AlreadyRegistered);
