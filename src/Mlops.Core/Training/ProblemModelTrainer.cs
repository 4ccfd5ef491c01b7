using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// The default trainer for any problem, driven by its problem file alone: stratified split, missing
/// values imputed from the training rows where the schema's policy says so (median of a number, most
/// frequent value otherwise), categories one-hot, then LightGBM (or maximum entropy on standardised
/// columns) for two or more classes. The card embeds the problem, the imputed values, the training
/// ranges (or the problem's fixed fallback ranges), the categories seen and the most frequent class.
/// </summary>
public static class ProblemModelTrainer
{
    private const string LabelColumn = "Label";

    /// <summary>Reads a labeled data file of <paramref name="problem"/> and trains on it; the card records the file's SHA-256.</summary>
    public static TrainedModel TrainFile(
        string dataFile, ProblemSchema problem, TrainingOptions options, char? separator = null, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFile);
        progress?.Report(TrainingStage.ReadingData);
        var data = ProblemCsvReader.ReadFile(dataFile, problem, separator, requireLabels: true);
        return Train(data, ContentHash.OfFile(dataFile), options, progress, cancellationToken);
    }

    /// <summary>Trains on a labeled dataset whose content hash is <paramref name="dataSha256"/>.</summary>
    public static TrainedModel Train(
        ProblemDataset data, string dataSha256, TrainingOptions options, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataSha256);
        ArgumentNullException.ThrowIfNull(options);
        var problem = data.Schema;
        if (!data.IsLabeled)
        {
            throw new InvalidInputException($"{data.Name}: training needs the label column '{problem.Label.Column}' on every row");
        }

        progress?.Report(TrainingStage.Splitting);
        var classCount = problem.Label.Classes.Count;
        var labels = data.Labels.ToArray();
        var present = labels.Distinct().Order().ToArray();
        if (present.Length < 2)
        {
            throw new InvalidInputException(
                $"{data.Name}: the label '{problem.Label.Column}' has only the class(es) {string.Join(", ", present.Select(c => problem.Label.Classes[c].Name))}; a classifier needs at least two classes");
        }

        var split = StratifiedSplit.Create(labels, classCount, options.Seed, options.TestFraction, data.Name);
        if (split.Train.Count < RiskModelTrainer.MinimumTrainingRows)
        {
            throw new InvalidInputException($"{data.Name}: {split.Train.Count} training rows are too few to train on (need at least {RiskModelTrainer.MinimumTrainingRows})");
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(TrainingStage.EngineeringFeatures);
        var encoding = new FeatureEncoding { Imputed = Imputation(data, split.Train), Width = FeatureEncoding.WidthOf(problem) };

        progress?.Report(TrainingStage.Fitting);
        var model = Fit(data, split.Train, encoding, options);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(TrainingStage.Evaluating);
        var predictions = PredictAll(model, data);
        var trainLabels = split.Train.Select(i => labels[i]).ToArray();
        var card = new ModelCard
        {
            Trainer = options.Trainer.Name(),
            Parameters = new SortedDictionary<string, string>(
                RiskTrainers.Parameters(options)
                    .Append(new("encoding", $"{encoding.Kind}; missing values imputed: median of a number, most frequent value otherwise"))
                    .Append(new("features", string.Join(", ", FeatureEncoding.ColumnNames(problem))))
                    .ToDictionary(), StringComparer.Ordinal),
            Features = [.. problem.Features.Select(f => f.Name)],
            Problem = problem,
            Encoding = encoding,
            FeatureRanges = FallbackRanges.Resolve(problem, data, split.Train),
            TrainingCategories = CategoriesSeen(data, split.Train),
            MostFrequentClass = problem.Label.Classes[RuleModel.MostFrequent(trainLabels, classCount)].Name,
            TrainAccuracy = Accuracy.Of(predictions, labels, split.Train),
            TestAccuracy = Accuracy.Of(predictions, labels, split.Test),
            TestFraction = options.TestFraction,
            TrainingDataFile = data.Name,
            TrainingDataSha256 = dataSha256,
            TrainingRows = split.Train.Count,
            Seed = options.Seed,
            CreatedAt = DateTimeOffset.UtcNow,
            ToolVersion = RiskModelTrainer.ToolVersion,
        };
        return new TrainedModel(model, card);
    }

    /// <summary>The classifier's prediction for every row of <paramref name="data"/>.</summary>
    public static ClassPrediction[] PredictAll(IClassifier classifier, ProblemDataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        var vector = new double[data.Schema.Features.Count];
        var predictions = new ClassPrediction[data.RowCount];
        for (var i = 0; i < predictions.Length; i++)
        {
            data.CopyRow(i, vector);
            predictions[i] = classifier.Predict(vector);
        }

        return predictions;
    }

    /// <summary>
    /// Fits a model on exactly these labeled rows of <paramref name="data"/> (no split, no card), imputing from
    /// them as <see cref="Train"/> imputes from its training rows: what cross-fitting needs, e.g. the
    /// out-of-fold predictions that calibrate the performance estimate.
    /// </summary>
    public static IClassifier FitRows(ProblemDataset data, IReadOnlyList<int> trainRows, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(options);
        if (trainRows.Count < RiskModelTrainer.MinimumTrainingRows)
        {
            throw new InvalidInputException($"{data.Name}: {trainRows.Count} training rows are too few to train on (need at least {RiskModelTrainer.MinimumTrainingRows})");
        }

        var encoding = new FeatureEncoding { Imputed = Imputation(data, trainRows), Width = FeatureEncoding.WidthOf(data.Schema) };
        return Fit(data, trainRows, encoding, options);
    }

    /// <summary>Rebuilds the classifier of a saved model from its card and ML.NET transformer.</summary>
    internal static MlNetClassifier Load(ModelCard card, MLContext context, ITransformer transformer) =>
        new(card.Trainer, card.ProblemOrInsurance, card.Encoding ?? throw new ArgumentException("the card has no feature encoding", nameof(card)), context, transformer);

    private static MlNetClassifier Fit(ProblemDataset data, IReadOnlyList<int> trainRows, FeatureEncoding encoding, TrainingOptions options)
    {
        var problem = data.Schema;
        var context = new MLContext(seed: options.Seed);
        var vector = new double[problem.Features.Count];
        var labels = data.Labels;
        var rows = new LabeledEncodedRow[trainRows.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            data.CopyRow(trainRows[r], vector);
            rows[r] = new LabeledEncodedRow { Features = new float[encoding.Width], Class = (uint)labels[trainRows[r]] };
            encoding.Encode(problem, vector, rows[r].Features);
        }

        var view = context.Data.LoadFromEnumerable(rows, LabeledEncodedRow.Definition(encoding.Width));
        var labeled = LabelKeys(context, problem.Label.Classes.Count).Transform(view);
        IEstimator<ITransformer> pipeline = options.Trainer == TrainerKind.MaximumEntropy
            ? context.Transforms.NormalizeMeanVariance(EncodedRow.FeaturesColumn)
            : new EstimatorChain<ITransformer>();
        var transformer = pipeline.Append(RiskTrainers.Create(context, options, LabelColumn, EncodedRow.FeaturesColumn)).Fit(labeled);
        return new MlNetClassifier(options.Trainer.Name(), problem, encoding, context, transformer);
    }

    /// <summary>
    /// Class indices 0 … k − 1 mapped to ML.NET's keys by value, all known up front, so the score vector
    /// is always in the problem's class order — even when a class is missing from the training rows.
    /// </summary>
    private static ValueToKeyMappingTransformer LabelKeys(MLContext context, int classCount)
    {
        var classes = Enumerable.Range(0, classCount).Select(c => new ClassValue { Class = (uint)c }).ToArray();
        return context.Transforms.Conversion.MapValueToKey(
                LabelColumn,
                LabeledEncodedRow.ClassColumn,
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue,
                keyData: context.Data.LoadFromEnumerable(classes))
            .Fit(context.Data.LoadFromEnumerable(classes));
    }

    /// <summary>Per feature whose policy imputes: the training rows' median (numbers) or most frequent value.</summary>
    private static Dictionary<string, double> Imputation(ProblemDataset data, IReadOnlyList<int> trainRows)
    {
        var imputed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < data.Schema.Features.Count; f++)
        {
            var feature = data.Schema.Features[f];
            if (feature.Missing != MissingValuePolicy.Impute)
            {
                continue;
            }

            var column = data.Feature(f).ToArray();
            var values = trainRows.Select(i => column[i]).Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length == 0)
            {
                throw new InvalidInputException($"{data.Name}: feature '{feature.Name}' is missing on every training row; nothing to impute it from");
            }

            imputed[feature.Name] = feature.Kind == FeatureType.Numeric
                ? MathNet.Numerics.Statistics.Statistics.Median(values)
                : values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        }

        return imputed;
    }

    /// <summary>Per categorical feature, the categories the training rows hold, in the schema's order.</summary>
    private static Dictionary<string, IReadOnlyList<string>> CategoriesSeen(ProblemDataset data, IReadOnlyList<int> trainRows)
    {
        var seen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var f = 0; f < data.Schema.Features.Count; f++)
        {
            var feature = data.Schema.Features[f];
            if (feature.Kind != FeatureType.Categorical)
            {
                continue;
            }

            var column = data.Feature(f).ToArray();
            var indices = trainRows.Select(i => column[i]).Where(v => !double.IsNaN(v)).Select(v => (int)v).ToHashSet();
            seen[feature.Name] = [.. (feature.Categories ?? []).Where((_, i) => indices.Contains(i)).Select(c => c.Text)];
        }

        return seen;
    }

    private sealed class ClassValue
    {
        [ColumnName(LabeledEncodedRow.ClassColumn)]
        public uint Class { get; set; }
    }
}
