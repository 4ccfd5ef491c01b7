using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Serialization;

namespace Mlops.Core.Models;

/// <summary>
/// The one reader of a model folder's card (<c>model.json</c>), with one set of checks: the folder
/// exists, the card is there, is JSON, is a card, has a format this mlops reads and names the features
/// this mlops gives. The registry and every loader call it, so the registry cannot register a model
/// that <c>serve</c> would refuse.
/// </summary>
public static class ModelCardFile
{
    /// <summary>Reads and checks the card of the model folder <paramref name="folder"/>.</summary>
    /// <exception cref="ModelFormatException">The folder or its card cannot be used; the message names which and why.</exception>
    public static ModelCard Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new ModelFormatException(File.Exists(folder)
                ? $"{folder}: is a file, expected a model folder with {ModelDirectory.ModelFileName} and {ModelDirectory.CardFileName}"
                : $"{folder}: model folder not found");
        }

        var path = ModelDirectory.CardFile(folder);
        if (!File.Exists(path))
        {
            throw new ModelFormatException(
                $"{path}: model card not found; a model folder written by 'mlops train' holds {ModelDirectory.CardFileName} and {ModelDirectory.ModelFileName} (no {ModelDirectory.CardFileName} here)");
        }

        var card = Parse(path);
        if (card.FormatVersion != ModelDirectory.CardFormatVersion)
        {
            throw new ModelFormatException(
                $"{path}: model card format version {card.FormatVersion} is not supported; this mlops reads version {ModelDirectory.CardFormatVersion}");
        }

        // A card that carries its problem must name that problem's features; an older card is an insurance model.
        var expected = card.Problem is { } problem ? problem.Features.Select(f => f.Name).ToArray() : [.. Feature.All.Select(f => f.Name)];
        if (!card.Features.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ModelFormatException(card.Problem is null
                ? $"{path}: the model was trained on the features [{string.Join(", ", card.Features)}], this mlops gives [{string.Join(", ", expected)}]"
                : $"{path}: the model was trained on the features [{string.Join(", ", card.Features)}], its problem '{card.Problem.Name}' has [{string.Join(", ", expected)}]");
        }

        if (card.Problem is not null && Problems.ProblemSchemaCheck.FirstProblem(card.Problem) is { } schemaProblem)
        {
            throw new ModelFormatException($"{path}: problem: {schemaProblem}");
        }

        return card;
    }

    /// <summary>Writes <paramref name="card"/> as the folder's <c>model.json</c> (the trainer's and tests' way to make one).</summary>
    public static void Write(string folder, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(ModelDirectory.CardFile(folder), Serialize(card));
    }

    internal static string Serialize(ModelCard card) => JsonSerializer.Serialize(card, MlopsJson.Options) + "\n";

    /// <summary>Broken JSON (a truncated or corrupt file) and JSON of something else are told apart: the fixes differ.</summary>
    private static ModelCard Parse(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{path}: not a valid model card (truncated or corrupt?): {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ModelFormatException($"{path}: cannot read: {e.Message}", e);
        }

        using (document)
        {
            try
            {
                return document.Deserialize<ModelCard>(MlopsJson.Options)
                    ?? throw new ModelFormatException($"{path}: not a valid model card: the file holds null");
            }
            catch (JsonException e)
            {
                throw new ModelFormatException($"{path}: not a model card: {e.Message}", e);
            }
        }
    }
}
