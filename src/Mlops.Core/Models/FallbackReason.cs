namespace Mlops.Core.Models;

/// <summary>Why a request would not be answered by the model.</summary>
public enum FallbackReason
{
    /// <summary>The model answers.</summary>
    None,

    /// <summary>An input lies outside the range the model saw in training (the talk's "power 20").</summary>
    OutOfRange,

    /// <summary>The model's top probability is below the minimum certainty.</summary>
    LowCertainty,
}
