using Mlops.Core.Models;
using Mlops.Core.Validation;

namespace Mlops.Core.Tests.Registry;

/// <summary>Model folders and validation reports made by hand: the registry must not depend on the trainer.</summary>
internal static class RegistryFixtures
{
    public const string TrainingSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static ModelCard Card(int seed, string trainingSha = TrainingSha, string trainingFile = "reference.csv") => new()
    {
        Trainer = "LightGbm",
        Parameters = new Dictionary<string, string> { ["learning_rate"] = "0.1", ["leaves"] = "31", ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Features = ["training", "age", "emergency_braking", "braking_distance", "power", "miles"],
        FeatureRanges = new Dictionary<string, FeatureRange> { ["age"] = new(16, 100), ["power"] = new(50, 250) },
        TrainAccuracy = 0.91,
        TestAccuracy = 0.89,
        TrainingDataFile = trainingFile,
        TrainingDataSha256 = trainingSha,
        TrainingRows = 1500,
        Seed = seed,
        CreatedAt = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero),
        ToolVersion = "0.1.0",
    };

    /// <summary>A model folder: a real <c>model.json</c> plus an opaque binary "model" and a nested file.</summary>
    /// <param name="parent">Where the folder goes.</param>
    /// <param name="name">The folder's name.</param>
    /// <param name="seed">Makes the content (and so the artifact hash) differ.</param>
    /// <param name="trainingSha">The training data the card names.</param>
    /// <param name="problem">The card's problem's name (the insurance schema renamed); null: an old card without a problem (an insurance model).</param>
    public static string ModelFolder(string parent, string name, int seed, string trainingSha = TrainingSha, string? problem = null)
    {
        var folder = Path.Combine(parent, name);
        var card = Card(seed, trainingSha);
        ModelCardFile.Write(folder, problem is null ? card : card with { Problem = Core.Problems.ProblemSchema.Insurance with { Name = problem } });
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(folder, "model.zip"), bytes);
        Directory.CreateDirectory(Path.Combine(folder, "extra"));
        File.WriteAllText(Path.Combine(folder, "extra", "notes.txt"), $"model {seed}\n");
        return folder;
    }

    public static ValidationReport Passing(string dataSha = TrainingSha, string dataFile = "reference.csv") => new()
    {
        DataFile = dataFile,
        DataSha256 = dataSha,
        Checks =
        [
            new InvariantCheck("test_accuracy_min", "test accuracy above the lower bound", 0.89, "> 0.85", true),
            new InvariantCheck("test_accuracy_max", "test accuracy below the upper bound", 0.89, "< 0.95", true),
            new InvariantCheck("certainty_mean", "mean certainty", 0.81, "> 0.7", true),
        ],
        ValidatedAt = new DateTimeOffset(2024, 1, 2, 8, 0, 0, TimeSpan.Zero),
    };

    public static ValidationReport Failing(string dataSha = TrainingSha, string dataFile = "month-12.csv") => new()
    {
        DataFile = dataFile,
        DataSha256 = dataSha,
        Checks =
        [
            new InvariantCheck("test_accuracy_min", "test accuracy above the lower bound", 0.62, "> 0.85", false),
            new InvariantCheck("test_accuracy_max", "test accuracy below the upper bound", 0.62, "< 0.95", true),
            new InvariantCheck("class_balance_low", "predicted low-risk share within ±20 % of n/3", 812, "400 … 600", false),
        ],
        ValidatedAt = new DateTimeOffset(2024, 1, 3, 8, 0, 0, TimeSpan.Zero),
    };
}
