using System.Text.Json;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Analysis;

/// <summary>
/// The label-free estimate (CBPE) for a problem that is not the talk's: iris, three classes, through the
/// real CLI (<c>train --problem</c> → <c>analyze --json</c>). The estimate is checked against the test's
/// own computation of NannyML's multiclass CBPE from the model's probabilities: per class a one-vs-rest
/// isotonic fit (pool adjacent violators, linear between the points, clipped) on the labeled reference
/// where the analysis says the class is calibrated, the row's probabilities scaled to sum to 1, and the
/// month's mean calibrated probability of the predicted class. Before, a non-insurance analysis had no
/// estimate at all ("computed for the insurance model only").
/// </summary>
public sealed class ProblemEstimateTests : IDisposable
{
    private static readonly string IrisFolder = Path.Combine(RepositoryPaths.Root, "examples", "iris");

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Analyze_estimates_an_iris_models_accuracy_as_an_independent_computation_of_CBPE_does()
    {
        // Trained on the even rows, calibrated on the odd ones (another labeled file: all its rows, predicted by the model).
        var lines = File.ReadAllLines(Path.Combine(IrisFolder, "iris.csv"));
        var rows = lines.Skip(1).ToArray();
        var train = Write("train.csv", [lines[0], .. rows.Where((_, i) => i % 2 == 0)]);
        var reference = Write("reference.csv", [lines[0], .. rows.Where((_, i) => i % 2 == 1)]);
        var months = Directory.CreateDirectory(_temp.File("months")).FullName;
        File.WriteAllLines(Path.Combine(months, "month-1.csv"), [lines[0], .. rows.Where((_, i) => i % 5 == 0)]);
        File.WriteAllLines(Path.Combine(months, "month-2.csv"), [lines[0], .. rows.Where((_, i) => i % 5 != 0)]);
        var model = _temp.File("iris-model");
        var trained = await Run("train", "--problem", Path.Combine(IrisFolder, "iris.problem.json"), "--data", train, "--out", model);
        Assert.True(trained.ExitCode == 0, trained.ToString());

        var analyze = await Run("analyze", "-r", reference, "-c", months, "-m", model, "--json", "--label-delay", "0");
        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        using var json = JsonDocument.Parse(analyze.StandardOutput);
        var estimation = json.RootElement.GetProperty("estimation");
        Assert.Equal(75, estimation.GetProperty("calibration_rows").GetInt32());
        Assert.Contains("not the model's training file", estimation.GetProperty("calibration_data").GetString(), StringComparison.Ordinal);
        var calibrated = estimation.GetProperty("calibrated_classes").EnumerateArray().Select(c => c.GetString()!).ToHashSet();
        Assert.All(calibrated, c => Assert.Contains(c, new[] { "setosa", "versicolor", "virginica" }));

        using var loaded = ModelDirectory.Load(model);
        var problem = loaded.Card.ProblemOrInsurance;
        var (referenceProbabilities, referenceLabels, _) = Predict(loaded.Classifier, ProblemCsvReader.ReadFile(reference, problem));
        var curves = Enumerable.Range(0, 3)
            .Select(c => calibrated.Contains(problem.Label.Classes[c].Name)
                ? Isotonic([.. referenceProbabilities.Select(p => p[c])], [.. referenceLabels.Select(l => l == c ? 1.0 : 0.0)])
                : null)
            .ToArray();
        var performance = json.RootElement.GetProperty("performance").EnumerateArray().ToArray();
        Assert.Equal(2, performance.Length);
        foreach (var month in performance)
        {
            var file = Path.Combine(months, $"month-{month.GetProperty("month").GetInt32()}.csv");
            var (probabilities, labels, predicted) = Predict(loaded.Classifier, ProblemCsvReader.ReadFile(file, problem));
            var expected = probabilities.Select((p, i) =>
            {
                var scaled = p.Select((q, c) => curves[c]?.Invoke(q) ?? q).ToArray();
                return scaled[predicted[i]] / scaled.Sum();
            }).Average();
            Assert.Equal(expected, month.GetProperty("estimated_accuracy").GetDouble(), 12);
            Assert.Equal(predicted.Where((p, i) => p == labels[i]).Count() / (double)labels.Length, month.GetProperty("realised_accuracy").GetDouble(), 12);
        }
    }

    [Fact]
    public async Task With_the_training_file_as_reference_the_estimate_is_calibrated_on_cross_fitted_predictions()
    {
        var data = Path.Combine(IrisFolder, "iris.csv");
        var months = Directory.CreateDirectory(_temp.File("months")).FullName;
        var lines = File.ReadAllLines(data);
        File.WriteAllLines(Path.Combine(months, "month-1.csv"), [lines[0], .. lines.Skip(1).Where((_, i) => i % 2 == 0)]);
        var model = _temp.File("iris-model");
        Assert.Equal(0, (await Run("train", "--problem", Path.Combine(IrisFolder, "iris.problem.json"), "--data", data, "--out", model)).ExitCode);

        var analyze = await Run("analyze", "-r", data, "-c", months, "-m", model, "--json", "--label-delay", "0");
        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        using var json = JsonDocument.Parse(analyze.StandardOutput);
        var estimation = json.RootElement.GetProperty("estimation");
        Assert.Equal(150, estimation.GetProperty("calibration_rows").GetInt32());
        Assert.Contains("5-fold cross-fitted", estimation.GetProperty("calibration_data").GetString(), StringComparison.Ordinal);

        // Out-of-fold predictions of a well separated problem: the estimate is near the accuracy the folds reached.
        var referenceAccuracy = estimation.GetProperty("reference_accuracy").GetDouble();
        Assert.InRange(referenceAccuracy, 0.85, 1.0);
        Assert.InRange(estimation.GetProperty("reference_estimate").GetDouble(), referenceAccuracy - 0.05, referenceAccuracy + 0.05);
        Assert.InRange(json.RootElement.GetProperty("performance")[0].GetProperty("estimated_accuracy").GetDouble(), 0.85, 1.0);
        Assert.DoesNotContain(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("insurance model only", StringComparison.Ordinal));
    }

    /// <summary>The classifier's probabilities, the labels and the predicted classes of every row.</summary>
    private static (double[][] Probabilities, int[] Labels, int[] Predicted) Predict(IClassifier classifier, ProblemDataset data)
    {
        var vector = new double[data.Schema.Features.Count];
        var probabilities = new double[data.RowCount][];
        var predicted = new int[data.RowCount];
        for (var i = 0; i < data.RowCount; i++)
        {
            data.CopyRow(i, vector);
            var prediction = classifier.Predict(vector);
            probabilities[i] = [.. prediction.Probabilities];
            predicted[i] = prediction.Class;
        }

        return (probabilities, data.Labels.ToArray(), predicted);
    }

    /// <summary>
    /// Increasing isotonic regression as scikit-learn fits it: equal x pooled to their mean y, adjacent
    /// violators merged (weighted by count), a prediction linear between the fitted points, clipped outside.
    /// </summary>
    private static Func<double, double> Isotonic(double[] x, double[] y)
    {
        var points = x.Zip(y).GroupBy(p => p.First).OrderBy(g => g.Key)
            .Select(g => (X: g.Key, Sum: g.Sum(p => p.Second), Weight: (double)g.Count())).ToList();
        var blocks = new List<(double Sum, double Weight, int Last)>();
        for (var i = 0; i < points.Count; i++)
        {
            blocks.Add((points[i].Sum, points[i].Weight, i));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Weight > blocks[^1].Sum / blocks[^1].Weight)
            {
                blocks[^2] = (blocks[^2].Sum + blocks[^1].Sum, blocks[^2].Weight + blocks[^1].Weight, blocks[^1].Last);
                blocks.RemoveAt(blocks.Count - 1);
            }
        }

        var fitted = new double[points.Count];
        var first = 0;
        foreach (var block in blocks)
        {
            for (var i = first; i <= block.Last; i++)
            {
                fitted[i] = block.Sum / block.Weight;
            }

            first = block.Last + 1;
        }

        return value =>
        {
            if (value <= points[0].X)
            {
                return fitted[0];
            }

            if (value >= points[^1].X)
            {
                return fitted[^1];
            }

            var upper = points.FindIndex(p => p.X >= value);
            if (points[upper].X == value)
            {
                return fitted[upper];
            }

            var t = (value - points[upper - 1].X) / (points[upper].X - points[upper - 1].X);
            return fitted[upper - 1] + (t * (fitted[upper] - fitted[upper - 1]));
        };
    }

    private string Write(string name, string[] lines)
    {
        var path = _temp.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private Task<ProcessResult> Run(params string[] args) => CliProcess.RunAsync(args, workingDirectory: _temp.Path, environment: null);
}
