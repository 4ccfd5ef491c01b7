namespace Mlops.Core.Models;

/// <summary>
/// The facts about a trained model that travel with it as <c>model.json</c>: how it was trained,
/// on what data, what it expects as input and how well it did. The registry, the service's
/// fallback and the reports all read it.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Version of this file's layout; bumped when fields change meaning.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The ML.NET trainer, e.g. "LightGbm".</summary>
    public required string Trainer { get; init; }

    /// <summary>Hyper-parameters and feature-engineering choices, as the trainer was configured.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Input features by name, in the problem's order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>
    /// The problem the model was trained for (label, classes, feature kinds, bounds, fallback rules), as
    /// it was then: <c>serve</c>, <c>validate</c>, <c>analyze</c> and the monitor take it from the model, not
    /// from a file that may have changed since. Null on cards written before the card carried it: those
    /// are the talk's insurance models (<see cref="ProblemOrInsurance"/>).
    /// </summary>
    public Problems.ProblemSchema? Problem { get; init; }

    /// <summary>The card's problem; a card written before it carried one is an insurance model.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Problems.ProblemSchema ProblemOrInsurance => Problem ?? Problems.ProblemSchema.Insurance;

    /// <summary>
    /// Inputs the model takes but ignores (trained with <c>--drop</c>); null when it uses all of
    /// <see cref="Features"/>. A dropped input has no entry in <see cref="FeatureRanges"/>.
    /// </summary>
    public IReadOnlyList<string>? DroppedFeatures { get; init; }

    /// <summary>
    /// Per feature, the range seen in training (or the problem file's fixed fallback range); inputs outside
    /// go to the fallback.
    /// </summary>
    public required IReadOnlyDictionary<string, FeatureRange> FeatureRanges { get; init; }

    /// <summary>
    /// How the model reads the feature vector: imputed values, one-hot, sweet spots, dropped features. Null on
    /// cards written before the one trainer (the talk's models until then, whose ML.NET input is one float
    /// column per feature: <see cref="Training.ColumnsClassifier"/>).
    /// </summary>
    public Training.FeatureEncoding? Encoding { get; init; }

    /// <summary>Per categorical feature, the categories seen in training; another valid category goes to the fallback.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? TrainingCategories { get; init; }

    /// <summary>The training rows' most frequent class (by name): the fallback of a problem without rules.</summary>
    public string? MostFrequentClass { get; init; }

    public required double TrainAccuracy { get; init; }

    public required double TestAccuracy { get; init; }

    /// <summary>File name of the training data as given.</summary>
    public required string TrainingDataFile { get; init; }

    /// <summary>SHA-256 (hex) of the training data file: the lineage link to the exact data.</summary>
    public required string TrainingDataSha256 { get; init; }

    public required int TrainingRows { get; init; }

    public required int Seed { get; init; }

    /// <summary>
    /// Share of each class held out for <see cref="TestAccuracy"/>; with <see cref="Seed"/> it lets
    /// validation find the same train/test split again.
    /// </summary>
    public double TestFraction { get; init; } = 0.2;

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Version of mlops that trained the model.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>
    /// SHA-256 (hex) of the folder's <c>model.zip</c>, written by <see cref="ModelDirectory.Save"/> and
    /// checked by every loader (<see cref="ModelFileCheck"/>); null on cards written before it was recorded.
    /// </summary>
    public string? ModelSha256 { get; init; }
}
