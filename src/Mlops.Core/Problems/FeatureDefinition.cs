using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>One model input of a problem: its column, kind, the values it may take and what a missing value means.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FeatureDefinition
{
    /// <summary>The column name, as written in data files and requests.</summary>
    public required string Name { get; init; }

    public required FeatureType Kind { get; init; }

    public string? Description { get; init; }

    /// <summary>The unit a message names beside a value (<c>kW</c>, <c>years</c>); optional.</summary>
    public string? Unit { get; init; }

    /// <summary>Other spellings of the column that are read as this feature (the seed's <c>emergency_breaking</c>); never written.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>The categories of a categorical feature, in their order (strings or whole numbers).</summary>
    public IReadOnlyList<ColumnValue>? Categories { get; init; }

    /// <summary>Hard bounds of a numeric feature: a value outside them is impossible.</summary>
    public ValidityBounds? Valid { get; init; }

    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Reject;

    /// <summary>What <c>schema infer</c> saw; information only.</summary>
    public ObservedValues? Observed { get; init; }

    /// <summary>The name and every alias: the column names this feature is read from.</summary>
    [JsonIgnore]
    public IEnumerable<string> Spellings => [Name, .. Aliases ?? []];

    /// <summary>The index of <paramref name="value"/> among <see cref="Categories"/>, or −1.</summary>
    public int CategoryIndex(ColumnValue value)
    {
        var categories = Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i].Text == value.Text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when a value within the validity bounds (features without bounds accept every finite value).</summary>
    public bool IsPossible(double value) => Valid?.IsPossible(value) ?? true;
}
