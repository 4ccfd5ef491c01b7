namespace Mlops.Core.PredictionLog;

/// <summary>
/// What became of a set of arrived labels. Nothing is silently dropped: every label is stored, was
/// already known (the same label again: one label), conflicts with a different label for the same
/// prediction (the first one stays), or names a key the log does not hold.
/// </summary>
/// <param name="Received">Labels given.</param>
/// <param name="Stored">Predictions newly labeled (a client key can label several predictions).</param>
/// <param name="AlreadyKnown">Predictions that already had this very label.</param>
/// <param name="Conflicts">Labels that contradict a stored one or another in the same set.</param>
/// <param name="ConflictExamples">The first few conflicting keys.</param>
/// <param name="Unknown">Labels whose key no logged prediction has.</param>
/// <param name="UnknownExamples">The first few unknown keys.</param>
public sealed record LabelReport(
    int Received,
    int Stored,
    int AlreadyKnown,
    int Conflicts,
    IReadOnlyList<string> ConflictExamples,
    int Unknown,
    IReadOnlyList<string> UnknownExamples)
{
    /// <summary>How many keys a report names of each kind.</summary>
    public const int Examples = 5;
}
