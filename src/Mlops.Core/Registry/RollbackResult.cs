namespace Mlops.Core.Registry;

/// <summary>The result of <see cref="ModelRegistry.Rollback"/>.</summary>
/// <param name="Restored">The previous production version, in production again.</param>
/// <param name="RolledBack">The version that was in production, now archived.</param>
/// <param name="ProductionRevision">The production revision after the rollback.</param>
public sealed record RollbackResult(ModelVersion Restored, ModelVersion RolledBack, long ProductionRevision);
