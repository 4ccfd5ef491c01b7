namespace Mlops.Core.Monitoring;

/// <summary>
/// One production row on its way to the drift monitor (an element of the <see cref="MonitorRoutes.Iterate"/>
/// body): one property per feature, named by the problem (binary features as 0/1), and these fields
/// beside them. The row is open: a field the monitor does not watch is ignored, so a sender may add
/// the answer's probabilities (<see cref="Probability"/>) without the monitor changing.
/// </summary>
public static class MonitorRowFields
{
    /// <summary>The answered class, as its index in the problem's class order.</summary>
    public const string Prediction = "prediction";

    /// <summary>Who answered (<see cref="AnswerSourceLabel"/>).</summary>
    public const string Source = "source";

    /// <summary>The prefix of a class's probability field (and prediction-log column): <c>p_high</c>.</summary>
    public const string ProbabilityPrefix = "p_";

    /// <summary>The probability field of a class, by its name.</summary>
    public static string Probability(string className) => ProbabilityPrefix + className;
}
