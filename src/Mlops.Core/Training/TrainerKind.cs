namespace Mlops.Core.Training;

/// <summary>The ML.NET trainers <c>mlops train --trainer</c> offers.</summary>
public enum TrainerKind
{
    /// <summary>Multinomial logistic regression (L-BFGS maximum entropy): the default, see <see cref="RiskTrainers"/>.</summary>
    MaximumEntropy,

    /// <summary>Gradient-boosted trees (LightGBM), heavily regularised.</summary>
    LightGbm,
}

public static class TrainerKinds
{
    /// <summary>The names users type, e.g. <c>--trainer maxent</c>.</summary>
    public static IReadOnlyDictionary<string, TrainerKind> ByName { get; } = new Dictionary<string, TrainerKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["maxent"] = TrainerKind.MaximumEntropy,
        ["lightgbm"] = TrainerKind.LightGbm,
    };

    public static string Name(this TrainerKind kind) => ByName.First(p => p.Value == kind).Key;

    /// <exception cref="InvalidInputException">For a name that is not a trainer.</exception>
    public static TrainerKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.Trim(), out var kind)
            ? kind
            : throw new InvalidInputException($"unknown trainer '{name}'; choose one of: {string.Join(", ", ByName.Keys)}");
    }
}
