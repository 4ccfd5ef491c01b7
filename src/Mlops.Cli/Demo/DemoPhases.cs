namespace Mlops.Cli.Demo;

/// <summary>The acts of the talk, by the names the talk gives them, with what each is about in its words.</summary>
public static class DemoPhases
{
    public const string Problem = "Phase 0 — the problem";

    public const string ProblemStory =
        "An innovative car-insurance company wants to predict the risk class of a customer: high, medium or low risk, "
        + "from six features (training, age, emergency_braking, braking_distance, power, miles).";

    public const string Professionalisation = PhaseTwo.Title;

    public const string ProfessionalisationStory =
        "Phase I explored the data in a notebook. Now the notebook becomes a library plus scripts: train and validate. "
        + "Validation checks the model's invariants; the model goes into a model store — versioned, but not in git.";

    public const string Operation = PhaseThree.Title;

    public const string OperationStory =
        "A service answers /predict. If the input is outside what the model was trained on, or the model is not confident "
        + "(top probability below 0.5), a simple rule model answers instead: the fallback. Every answer goes on to the drift monitor.";

    public const string Simulation = PhaseThree.SimulationTitle;

    public static string SimulationStory(int months) =>
        $"{months} months of production, 1,500 customers a month, each one request to the service. "
        + "After each month the monitor compares its window of requests with the training (reference) data.";

    public const string Analysis = DemoAnalysis.Title;

    public const string AnalysisStory = "Which features drifted, since when, and what that means — computed from the data.";

    public const string GroundTruth = "Ground truth arrives two years late";

    public static string GroundTruthStory(int labeledMonth, int delay, int now) =>
        $"Whether a customer was high risk is known only {delay} month{(delay == 1 ? "" : "s")} later: at month {now}, the labels of month {labeledMonth} arrive. "
        + "Does the production model still meet its requirements?";

    public const string Retraining = "Retraining";

    public static string RetrainingStory(int labeledMonth) =>
        $"Train a new model on month {labeledMonth}, the way production was trained; the registry's gate decides whether it goes into production.";

    public const string BackToPhaseI = "Back to phase I";

    public const string BackToPhaseIStory = "Change the requirements? Tune the model? Or train on more data — one of the talk's options:";

    public const string Report = "Report";
}
