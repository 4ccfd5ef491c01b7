namespace Mlops.Core.Problems;

/// <summary>What a missing value (<c>NA</c> or an empty field) of a feature means.</summary>
public enum MissingValuePolicy
{
    /// <summary>The row is refused, naming file, line and column: the safe default.</summary>
    Reject,

    /// <summary>The value is kept as missing and filled in from the training data (mean, or most frequent category).</summary>
    Impute,
}
