using Microsoft.ML;
using Microsoft.ML.Data;
using Mlops.Core.Data;
using Mlops.Core.Training;

namespace Mlops.Core.Models;

/// <summary>
/// A trained model on disk: a folder with <c>model.zip</c> (the ML.NET model, feature engineering
/// included) and <c>model.json</c> (its <see cref="ModelCard"/>). Loading checks both and fails with
/// a <see cref="ModelFormatException"/> naming what is wrong, never with ML.NET's own exceptions.
/// </summary>
public static class ModelDirectory
{
    public const string ModelFileName = "model.zip";

    public const string CardFileName = "model.json";

    /// <summary>The card format this version reads and writes.</summary>
    public const int CardFormatVersion = 1;

    public static string ModelFile(string directory) => Path.Combine(directory, ModelFileName);

    public static string CardFile(string directory) => Path.Combine(directory, CardFileName);

    /// <summary>True when the folder holds a model card, i.e. was written by <see cref="Save"/>.</summary>
    public static bool IsModelDirectory(string directory) => File.Exists(CardFile(directory));

    /// <summary>
    /// Writes the model into <paramref name="directory"/>, replacing a model already there, and returns
    /// the card as written: the trained card plus the SHA-256 of the model file. Both files are written
    /// next to the folder first and moved in at the end, so a failed save never leaves half a model; a
    /// folder holding anything else than a model is refused.
    /// </summary>
    public static ModelCard Save(TrainedModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        EnsureWritable(directory);
        Directory.CreateDirectory(directory);
        var modelTemp = ModelFile(directory) + ".tmp";
        var cardTemp = CardFile(directory) + ".tmp";
        var context = new MLContext();
        using (var stream = File.Create(modelTemp))
        {
            context.Model.Save(model.Ml.Transformer, model.Ml.InputSchema, stream);
        }

        var card = model.Card with { ModelSha256 = ContentHash.OfFile(modelTemp) };
        File.WriteAllText(cardTemp, ModelCardFile.Serialize(card));
        File.Move(modelTemp, ModelFile(directory), overwrite: true);
        File.Move(cardTemp, CardFile(directory), overwrite: true);
        return card;
    }

    /// <summary>
    /// Fails unless <see cref="Save"/> may write into <paramref name="directory"/>: it is new, empty,
    /// or holds a model. Call it before a long training to fail early.
    /// </summary>
    public static void EnsureWritable(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
        {
            throw new ModelFormatException($"{directory}: is a file, expected a model folder");
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !IsModelDirectory(directory))
        {
            throw new ModelFormatException($"{directory}: folder exists and holds no model ({CardFileName} missing); refusing to overwrite it");
        }
    }

    /// <summary>
    /// Loads a model folder written by <see cref="Save"/>: the card (<see cref="ModelCardFile.Read"/>),
    /// the ML.NET model, then the model file against the card's SHA-256 (<see cref="ModelFileCheck"/>).
    /// </summary>
    /// <param name="directory">The model folder.</param>
    /// <param name="warn">Told when the model loads with a caveat (a card from before the model file was pinned).</param>
    /// <exception cref="ModelFormatException">When the folder is missing, incomplete, corrupt, swapped or for another schema.</exception>
    public static TrainedModel Load(string directory, Action<string>? warn = null)
    {
        var card = ModelCardFile.Read(directory);
        var model = LoadModel(ModelFile(directory), card);
        string? warning;
        try
        {
            // After the load, not before: a truncated or foreign file is named as what it is, and only
            // a readable model of this schema that is not the card's is reported as swapped.
            warning = ModelFileCheck.Verify(directory, card);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        if (warning is not null)
        {
            warn?.Invoke(warning);
        }

        return new TrainedModel(model, card);
    }

    private static IMlNetModel LoadModel(string path, ModelCard card)
    {
        if (!File.Exists(path))
        {
            throw new ModelFormatException($"{path}: model file not found");
        }

        var context = new MLContext(seed: card.Seed);
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            using var stream = File.OpenRead(path);
            transformer = context.Model.Load(stream, out inputSchema);
        }
        // ML.NET reports a damaged file with many exception types; each means the same to a user.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelFormatException($"{path}: not a readable ML.NET model (truncated or corrupt?): {OneLine(e.Message)}", e);
        }

        IMlNetModel model;
        if (card.Encoding is { } encoding)
        {
            CheckEncodedInput(path, inputSchema, encoding.Width);
            model = ProblemModelTrainer.Load(card, context, transformer);
        }
        else
        {
            // A card without an encoding: a model saved with one float column per feature (ColumnsClassifier).
            CheckInputSchema(path, inputSchema, card.Features);
            model = new ColumnsClassifier(card.Trainer, card.ProblemOrInsurance, transformer, inputSchema);
        }

        try
        {
            // A model for another schema may load and only fail on its first prediction.
            model.Predict(new double[card.Features.Count]);
        }
        // Any failure here means the model does not fit this schema.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            model.Dispose();
            throw new ModelFormatException($"{path}: the model does not fit this mlops's input schema: {OneLine(e.Message)}", e);
        }

        return model;
    }

    private static void CheckInputSchema(string path, DataViewSchema schema, IReadOnlyList<string> expected)
    {
        var found = schema.Select(c => c.Name).ToArray();
        var missing = ColumnsClassifier.Misfits(schema, expected);
        if (missing.Count > 0)
        {
            throw new ModelFormatException(
                $"{path}: the model expects the input columns [{string.Join(", ", found)}], not this mlops's [{string.Join(", ", expected)}] (missing or not float: {string.Join(", ", missing)})");
        }
    }

    private static void CheckEncodedInput(string path, DataViewSchema schema, int width)
    {
        if (schema.GetColumnOrNull(EncodedRow.FeaturesColumn) is not { Type: VectorDataViewType { ItemType: var item, Size: var size } } || item != NumberDataViewType.Single || size != width)
        {
            throw new ModelFormatException(
                $"{path}: the model expects the input columns [{string.Join(", ", schema.Select(c => $"{c.Name}: {c.Type}"))}], not the card's encoded vector of {width} numbers");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
