namespace Mlops.Cli.Demo;

/// <summary>The steps of the talk as the demo runs them, in order.</summary>
public enum DemoStepName
{
    Data,
    Train,
    Validate,
    Promote,
    Start,
    Simulate,
    Drift,
    Record,
    GroundTruth,
    Retrain,
    MoreData,
    Report,
    Stop,
}

/// <summary>How a step ended. A failed validation or a refused candidate is part of the story, not an error.</summary>
public enum DemoOutcome
{
    Done,
    Passed,
    Failed,
    Promoted,
    Refused,
    BackToPhaseI,
    Skipped,
    KeptRunning,
    Interrupted,
    Error,
}

/// <summary>One step as the summary table and <c>--json</c> show it.</summary>
/// <param name="Step">Which step.</param>
/// <param name="Phase">The talk's phase it belongs to.</param>
/// <param name="Title">What it did, in a few words.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Key">The number that matters, in words (e.g. "test accuracy 0.803, drop 0.090").</param>
/// <param name="Seconds">Wall-clock time of the step.</param>
public sealed record DemoStep(DemoStepName Step, string Phase, string Title, DemoOutcome Outcome, string Key, double Seconds);
