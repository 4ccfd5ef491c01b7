namespace Mlops.Core.Validation;

/// <summary>A model's accuracy on the two parts of a stratified split of one dataset, and on all of it.</summary>
public sealed record AccuracySummary(double Train, double Test, double All);
