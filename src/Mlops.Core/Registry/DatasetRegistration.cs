namespace Mlops.Core.Registry;

/// <summary>The result of registering a data file.</summary>
/// <param name="Dataset">The registered dataset.</param>
/// <param name="AlreadyRegistered">True when the same bytes were registered before: stored once.</param>
public sealed record DatasetRegistration(RegisteredDataset Dataset, bool AlreadyRegistered);
