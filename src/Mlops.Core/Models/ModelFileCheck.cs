using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>
/// The card pins its <c>model.zip</c> by SHA-256 (<see cref="ModelCard.ModelSha256"/>), so a model file
/// swapped between two folders — readable, fitting the schema, but not the model the card describes
/// (other ranges, other accuracies, other lineage) — is refused instead of served under the wrong card.
/// </summary>
public static class ModelFileCheck
{
    /// <summary>
    /// Checks <c>model.zip</c> in <paramref name="folder"/> against <paramref name="card"/>. Returns a
    /// warning (and checks nothing) for a card written before mlops recorded the hash: such models keep
    /// loading, since refusing them would strand every model trained and registered before; null otherwise.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is missing or is not the one the card was written for.</exception>
    public static string? Verify(string folder, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(card);
        var path = ModelDirectory.ModelFile(folder);
        if (!File.Exists(path))
        {
            throw new ModelFormatException($"{path}: model file not found");
        }

        if (card.ModelSha256 is not { } expected)
        {
            return $"{ModelDirectory.CardFile(folder)}: the card records no SHA-256 of {ModelDirectory.ModelFileName} (written before mlops checked it); loaded unchecked, train again to pin it";
        }

        var found = ContentHash.OfFile(path);
        return string.Equals(found, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : throw new ModelFormatException(
                $"{path}: not the model its card describes (SHA-256 {Short(found)}…, the card records {Short(expected)}…); was {ModelDirectory.ModelFileName} replaced? train or check out the model again");
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
