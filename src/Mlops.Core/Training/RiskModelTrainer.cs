using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Transforms;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// Trains the risk classifier: stratified split, sweet spots from the training rows, feature
/// engineering, the ML.NET trainer, then the accuracies and the model card.
/// </summary>
public static class RiskModelTrainer
{
    /// <summary>Fewer training rows than this cannot place three sweet spots and seven weights per class.</summary>
    public const int MinimumTrainingRows = 30;

    private const string LabelColumn = "Label";

    /// <summary>Reads a labeled data file and trains on it; the card records the file's SHA-256.</summary>
    public static TrainedModel TrainFile(string dataFile, TrainingOptions options, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFile);
        progress?.Report(TrainingStage.ReadingData);
        var data = InsuranceCsvReader.ReadFile(dataFile, requireLabels: true);
        return Train(data, ContentHash.OfFile(dataFile), options, progress, cancellationToken);
    }

    /// <summary>Trains on a labeled dataset whose content hash is <paramref name="dataSha256"/>.</summary>
    public static TrainedModel Train(InsuranceDataset data, string dataSha256, TrainingOptions options, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataSha256);
        ArgumentNullException.ThrowIfNull(options);
        if (!data.IsLabeled)
        {
            throw new DataFormatException(data.Name, null, InsuranceCsvFormat.GroupColumn, "training needs a label on every row");
        }

        progress?.Report(TrainingStage.Splitting);
        var labels = data.Labels();
        var classes = labels.Distinct().Order().ToList();
        if (classes.Count < 2)
        {
            // One class gives a "model" that always answers it, and the gate would measure nothing.
            throw new InvalidInputException(
                $"{data.Name}: the label '{InsuranceCsvFormat.GroupColumn}' has only the value(s) {string.Join(", ", classes.Select(c => $"{(int)c} ({c.Name()})"))}; a classifier needs at least two classes");
        }

        var split = StratifiedSplit.Create(labels, options.Seed, options.TestFraction, data.Name);
        var trainRows = split.Train.Select(i => data.Records[i]).ToArray();
        if (trainRows.Length < MinimumTrainingRows)
        {
            throw new InvalidInputException($"{data.Name}: {trainRows.Length} training rows are too few to train on (need at least {MinimumTrainingRows})");
        }

        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(TrainingStage.EngineeringFeatures);
        var spots = RiskSweetSpots.Fit(trainRows, options.Features);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(TrainingStage.Fitting);
        var model = Fit(trainRows, spots, options);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(TrainingStage.Evaluating);
        var predictions = model.PredictAll(data.Records.Select(r => r.Features).ToArray());
        var card = new ModelCard
        {
            Trainer = options.Trainer.Name(),
            Parameters = new SortedDictionary<string, string>(
                RiskTrainers.Parameters(options)
                    .Concat(spots.ToParameters(options.Features))
                    .Concat(DroppedParameter(options.Features))
                    .Append(new("features", RiskFeaturePipeline.Describe(spots, options.Features)))
                    .Append(new("normalization", "mean_variance"))
                    .ToDictionary(), StringComparer.Ordinal),
            Features = [.. Feature.All.Select(f => f.Name)],
            Problem = ProblemSchema.Insurance,
            MostFrequentClass = ProblemSchema.Insurance.Label.Classes[InsuranceVector.ClassIndex(MostFrequent(split.Train.Select(i => labels[i])))].Name,
            DroppedFeatures = options.Features.Dropped.Count == 0 ? null : [.. options.Features.Dropped.Select(f => f.Name)],

            // A dropped input has no range: the model ignores it, so no value of it sends a request to the fallback.
            FeatureRanges = options.Features.Used.ToDictionary(f => f.Name, f => FallbackRanges.Fixed(ProblemSchema.Insurance, f.Name) ?? RangeOf(trainRows, f)),
            TrainAccuracy = Accuracy.Of(predictions, labels, split.Train),
            TestAccuracy = Accuracy.Of(predictions, labels, split.Test),
            TestFraction = options.TestFraction,
            TrainingDataFile = data.Name,
            TrainingDataSha256 = dataSha256,
            TrainingRows = split.Train.Count,
            Seed = options.Seed,
            CreatedAt = DateTimeOffset.UtcNow,
            ToolVersion = ToolVersion,
        };
        return new TrainedModel(model, card);
    }

    /// <summary>
    /// Fits a model on exactly these labeled rows (no split, no card): what cross-fitting needs, e.g. the
    /// out-of-fold predictions that calibrate the performance estimate.
    /// </summary>
    public static MlNetRiskModel FitRows(IReadOnlyList<InsuranceRecord> rows, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (rows.Count < MinimumTrainingRows)
        {
            throw new InvalidInputException($"{rows.Count} training rows are too few to train on (need at least {MinimumTrainingRows})");
        }

        return Fit(rows, RiskSweetSpots.Fit(rows, options.Features), options);
    }

    private static MlNetRiskModel Fit(IReadOnlyList<InsuranceRecord> trainRows, RiskSweetSpots spots, TrainingOptions options)
    {
        var context = new MLContext(seed: options.Seed);
        var trainView = context.Data.LoadFromEnumerable(trainRows.Select(TrainingRow.From));
        var labeled = LabelKeys(context).Transform(trainView);
        var pipeline = RiskFeaturePipeline.Create(context, spots, options.Features)
            .Append(RiskTrainers.Create(context, options, LabelColumn, RiskFeaturePipeline.FeaturesColumn));
        var transformer = pipeline.Fit(labeled);
        var inputSchema = context.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
        return new MlNetRiskModel(options.Trainer.Name(), context, transformer, inputSchema);
    }

    /// <summary>Version of mlops that trains, as the assembly's informational version (e.g. 0.1.0+commit).</summary>
    public static string ToolVersion { get; } =
        typeof(RiskModelTrainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Maps the class 0/1/2 to ML.NET's key 1/2/3 by value and with all three classes known up front,
    /// so the model's score vector is always (high, medium, low) — even when a class is missing
    /// from the training rows. Not part of the saved model: serving has no label.
    /// </summary>
    private static ValueToKeyMappingTransformer LabelKeys(MLContext context)
    {
        var classes = context.Data.LoadFromEnumerable(RiskGroups.All.Select(g => new TrainingRow { Group = (uint)g }));
        return context.Transforms.Conversion.MapValueToKey(
                LabelColumn,
                TrainingRow.GroupColumn,
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue,
                keyData: context.Data.LoadFromEnumerable(RiskGroups.All.Select(g => new GroupValue { Group = (uint)g })))
            .Fit(classes);
    }

    private static IEnumerable<KeyValuePair<string, string>> DroppedParameter(FeatureSelection selection) =>
        selection.Dropped.Count == 0 ? [] : [new("dropped_features", string.Join(", ", selection.Dropped.Select(f => f.Name)))];

    /// <summary>The most frequent group (the first of high, medium, low on a tie).</summary>
    private static RiskGroup MostFrequent(IEnumerable<RiskGroup> groups) =>
        groups.GroupBy(g => g).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private static FeatureRange RangeOf(IReadOnlyList<InsuranceRecord> rows, Feature feature)
    {
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var row in rows)
        {
            var value = feature.ValueOf(row.Features);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return new FeatureRange(min, max);
    }

    private sealed class GroupValue
    {
        [Microsoft.ML.Data.ColumnName(TrainingRow.GroupColumn)]
        public uint Group { get; set; }
    }
}
