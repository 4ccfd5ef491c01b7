namespace Mlops.Core.Registry;

/// <summary>The data a model was trained on, as its card names it, and what the registry knows about it.</summary>
/// <param name="File">The training file name from the card.</param>
/// <param name="Sha256">The training data hash from the card.</param>
/// <param name="Dataset">The registered dataset with that hash (with its statistics); null when it was never registered.</param>
public sealed record TrainingDataLineage(string File, string Sha256, RegisteredDataset? Dataset)
{
    public bool Registered => Dataset is not null;
}
