using System.Globalization;
using System.Text.Json;
using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Registry;

/// <summary>
/// A registry home in a temp folder and the real CLI pointed at it through <c>MLOPS_HOME</c>.
/// Model folders and validation reports are made by hand: the registry does not depend on the trainer.
/// </summary>
public sealed class RegistrySandbox : IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-registry-cli");

    public RegistrySandbox()
    {
        Home = _temp.File("home");
        WorkingDirectory = _temp.File("cwd");
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string Home { get; }

    public string WorkingDirectory { get; }

    public string Path(string name) => _temp.File(name);

    public Task<ProcessResult> RunAsync(params string[] args) =>
        CliProcess.RunAsync(args, WorkingDirectory, new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = Home });

    /// <summary>Runs the CLI with <c>--json</c> appended and parses stdout.</summary>
    public async Task<(ProcessResult Result, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        using var document = JsonDocument.Parse(result.StandardOutput);
        return (result, document.RootElement.Clone());
    }

    /// <summary>Console text with line wrapping undone (the console wraps at 80 columns when redirected).</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>The same registry, opened in this process (to record validations until <c>mlops validate</c> does).</summary>
    public ModelRegistry Open() => ModelRegistry.Open(Home);

    /// <summary>A model folder: a real <c>model.json</c> plus an opaque binary model file.</summary>
    public string ModelFolder(int seed, string trainingSha, string trainingFile = "reference.csv")
    {
        var folder = _temp.File($"model-{seed}");
        ModelCardFile.Write(folder, new ModelCard
        {
            Trainer = "LightGbm",
            Parameters = new Dictionary<string, string> { ["leaves"] = "31", ["learning_rate"] = "0.05", ["seed"] = seed.ToString(CultureInfo.InvariantCulture) },
            Features = ["training", "age", "emergency_braking", "braking_distance", "power", "miles"],
            FeatureRanges = new Dictionary<string, FeatureRange> { ["power"] = new(50, 250) },
            TrainAccuracy = 0.912,
            TestAccuracy = 0.884,
            TrainingDataFile = trainingFile,
            TrainingDataSha256 = trainingSha,
            TrainingRows = 1200,
            Seed = seed,
            CreatedAt = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero),
            ToolVersion = "0.1.0",
        });
        var bytes = new byte[8192];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(System.IO.Path.Combine(folder, "model.zip"), bytes);
        return folder;
    }

    public static ValidationReport Report(string dataSha, string dataFile, bool passed) => new()
    {
        DataFile = dataFile,
        DataSha256 = dataSha,
        Checks =
        [
            new InvariantCheck("test_accuracy_min", "test accuracy above the lower bound", passed ? 0.884 : 0.612, "> 0.85", passed),
            new InvariantCheck("accuracy_spread", "train and test accuracy close (no overfitting)", 0.028, "< 0.05", true),
            new InvariantCheck("certainty_min", "smallest top probability", passed ? 0.45 : 0.31, "> 0.4", passed),
        ],
        ValidatedAt = new DateTimeOffset(2024, 3, 2, 9, 30, 0, TimeSpan.Zero),
    };

    public void Dispose() => _temp.Dispose();
}
