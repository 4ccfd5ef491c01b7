namespace Mlops.Core.Registry;

/// <summary>
/// The quality gate between candidate and production: a model goes into production only when its
/// latest validation passed every invariant. Never validated counts as failed — no evidence, no promotion.
/// </summary>
public static class PromotionGate
{
    public static GateVerdict Evaluate(string version, ValidationRecord? latest)
    {
        if (latest is null)
        {
            return new GateVerdict(false, $"{version} was never validated; validate it first (the gate needs a passing validation)", null);
        }

        if (latest.Passed)
        {
            return new GateVerdict(true, $"latest validation of {version} on {latest.DataFile} passed all {latest.Checks.Count} checks", latest);
        }

        var failed = latest.FailedChecks.Count;
        return new GateVerdict(
            false,
            $"latest validation of {version} on {latest.DataFile} failed {failed} of {latest.Checks.Count} checks",
            latest);
    }
}
