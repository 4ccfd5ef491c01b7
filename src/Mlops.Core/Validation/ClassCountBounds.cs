namespace Mlops.Core.Validation;

/// <summary>How the allowed band of a predicted class count, n/3 · (1 ± tolerance), is drawn.</summary>
public enum ClassCountBounds
{
    /// <summary>The real-valued band, both ends included: n/3·(1 − t) ≤ count ≤ n/3·(1 + t) (the talk's later version).</summary>
    Band,

    /// <summary>
    /// Exactly the seed's <c>validate.py</c>: <c>count in range(int(n/3*(1-t)), int(n/3*(1+t)))</c> — both
    /// ends truncated toward zero, the upper end excluded. For n = 1,500 and t = 0.15: 425 … 574.
    /// </summary>
    PythonRange,
}
