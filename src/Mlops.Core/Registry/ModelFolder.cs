using System.Text.Json;
using Mlops.Core.Models;
using Mlops.Core.Serialization;

namespace Mlops.Core.Registry;

/// <summary>The contract of a trained model on disk: a folder with <c>model.json</c> (the card) and the model file(s).</summary>
public static class ModelFolder
{
    /// <summary>The model card's file name inside a model folder.</summary>
    public const string CardFile = "model.json";

    /// <summary>Reads and checks the card of the model in <paramref name="folder"/>; other files are opaque.</summary>
    public static ModelCard ReadCard(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            throw new InvalidModelFolderException($"{folder}: is a file, expected a model folder holding {CardFile} and the model file(s)");
        }

        if (!Directory.Exists(folder))
        {
            throw new InvalidModelFolderException($"{folder}: model folder not found");
        }

        var cardPath = Path.Combine(folder, CardFile);
        if (!File.Exists(cardPath))
        {
            throw new InvalidModelFolderException($"{folder}: no {CardFile}; a model folder holds {CardFile} (the model card) and the model file(s)");
        }

        try
        {
            using var stream = File.OpenRead(cardPath);
            return JsonSerializer.Deserialize<ModelCard>(stream, MlopsJson.Options)
                ?? throw new InvalidModelFolderException($"{cardPath}: is null, expected a model card");
        }
        catch (JsonException e)
        {
            throw new InvalidModelFolderException($"{cardPath}: not a model card: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="card"/> as the folder's <c>model.json</c> (for trainers and tests).</summary>
    public static void WriteCard(string folder, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CardFile), JsonSerializer.Serialize(card, MlopsJson.Options));
    }
}
