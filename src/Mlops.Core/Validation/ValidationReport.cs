namespace Mlops.Core.Validation;

/// <summary>The quality gate's verdict on a model for one dataset: every check and whether all passed.</summary>
public sealed record ValidationReport
{
    public required string DataFile { get; init; }

    public required string DataSha256 { get; init; }

    public required IReadOnlyList<InvariantCheck> Checks { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }

    public bool Passed => Checks.All(c => c.Passed);

    public IEnumerable<InvariantCheck> Failed => Checks.Where(c => !c.Passed);

    /// <summary>Version of the invariant spec whose bounds were applied.</summary>
    public int? SpecVersion { get; init; }

    /// <summary>The model folder as given.</summary>
    public string? Model { get; init; }

    /// <summary>The model's trainer, from its card.</summary>
    public string? ModelTrainer { get; init; }

    /// <summary>The file the model was trained on and its SHA-256, from its card.</summary>
    public string? ModelTrainingDataFile { get; init; }

    public string? ModelTrainingDataSha256 { get; init; }

    /// <summary>True when the validated file is the very file the model was trained on.</summary>
    public bool? SameDataAsTraining { get; init; }

    public int? Rows { get; init; }

    /// <summary>The model's accuracy on this data.</summary>
    public AccuracySummary? Accuracy { get; init; }

    /// <summary>The rule-based baseline's accuracy on the same rows: the yardstick.</summary>
    public AccuracySummary? BaselineAccuracy { get; init; }

    /// <summary>The test accuracy the model reached when it was trained (its card).</summary>
    public double? TrainedTestAccuracy { get; init; }

    /// <summary>How much test accuracy the model lost on this data against its training; positive is worse.</summary>
    public double? AccuracyDrop => TrainedTestAccuracy is { } trained && Accuracy is { } now ? trained - now.Test : null;

    /// <summary>Predicted rows per class (high, medium, low) over all rows.</summary>
    public IReadOnlyDictionary<string, int>? PredictedClassCounts { get; init; }
}
