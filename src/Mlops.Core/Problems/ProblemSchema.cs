using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// A classification problem as data: its label and classes, its features (kind, values, hard bounds,
/// missing-value policy), the columns to ignore and an optional id column. One versioned JSON file per
/// problem (<c>config/insurance.problem.json</c> is the talk's), read by <see cref="ProblemSchemaFile"/>;
/// every stage that reads data or answers requests can take the problem from here instead of spelling
/// the columns out.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProblemSchema
{
    /// <summary>The version of the file format this code reads.</summary>
    public const int CurrentVersion = 1;

    public required int Version { get; init; }

    /// <summary>The problem's name (letters, digits, <c>-</c>, <c>_</c>): models are registered under it.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required LabelDefinition Label { get; init; }

    /// <summary>The model's inputs, in their order.</summary>
    public required IReadOnlyList<FeatureDefinition> Features { get; init; }

    /// <summary>Columns a data file may hold that are neither feature nor label (the seed's <c>risk</c>, <c>group_name</c>).</summary>
    public IReadOnlyList<string>? Ignored { get; init; }

    /// <summary>A column that names each row (a customer number); read, never a feature.</summary>
    public string? Id { get; init; }

    /// <summary>The rule model that answers when the trained model may not; none: the training data's most frequent class.</summary>
    public FallbackRules? Fallback { get; init; }

    /// <summary>The trainer and feature engineering <c>mlops train</c> uses by default; none: LightGBM on the features as they are.</summary>
    public TrainingSettings? Training { get; init; }

    /// <summary>Named inputs a person can try (the client page's presets); none: the page has no presets.</summary>
    public IReadOnlyList<ProblemExample>? Examples { get; init; }

    /// <summary>The talk's problem, as shipped in <c>config/insurance.problem.json</c>.</summary>
    public static ProblemSchema Insurance => ProblemSchemaFile.Insurance;

    /// <summary>Throws unless <paramref name="features"/> holds one value per feature: a classifier's first check.</summary>
    public void EnsureVector(ReadOnlySpan<double> features)
    {
        if (features.Length != Features.Count)
        {
            throw new ArgumentException($"problem '{Name}' has {Features.Count} features, the vector {features.Length} values", nameof(features));
        }
    }

    /// <summary>The feature read from <paramref name="column"/> (its name or an alias, any case), or null.</summary>
    public FeatureDefinition? FindFeature(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = column.Trim();
        return Features.FirstOrDefault(f => f.Spellings.Any(s => s.Equals(name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The position of the feature read from <paramref name="column"/> in <see cref="Features"/>, or −1.</summary>
    public int FeatureIndex(string column)
    {
        var feature = FindFeature(column);
        for (var i = 0; feature is not null && i < Features.Count; i++)
        {
            if (ReferenceEquals(Features[i], feature))
            {
                return i;
            }
        }

        return -1;
    }

    public FeatureDefinition Feature(string name) =>
        FindFeature(name) ?? throw new KeyNotFoundException($"problem '{Name}' has no feature '{name}'");

    /// <summary>True when <paramref name="column"/> is one of the ignored columns (any case).</summary>
    public bool IsIgnored(string column) =>
        Ignored?.Any(c => c.Equals(column.Trim(), StringComparison.OrdinalIgnoreCase)) == true;
}
