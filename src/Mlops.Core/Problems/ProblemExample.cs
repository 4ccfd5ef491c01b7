using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// A named input a person can try (the talk's "power 20"): a value for every feature, by the feature's
/// name — numbers for numeric features, 0 or 1 for binary ones, a category for categorical ones, null
/// where the problem imputes a missing value. The service's client page offers them as presets.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProblemExample
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The value of each feature, by its name, as a request would send it.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Values { get; init; }
}

/// <summary>The checks of a problem file's <c>examples</c>: each finding names the key (<c>examples[1].values.age</c>).</summary>
internal static class ProblemExampleCheck
{
    public static string? FirstProblem(ProblemSchema schema)
    {
        var examples = schema.Examples ?? [];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            var key = $"examples[{i}]";
            if (string.IsNullOrWhiteSpace(example.Name))
            {
                return $"{key}.name: an example needs a name";
            }

            if (!names.Add(example.Name.Trim()))
            {
                return $"{key}.name: duplicate example '{ProblemSchemaCheck.Short(example.Name)}'";
            }

            foreach (var (name, value) in example.Values)
            {
                var feature = schema.FindFeature(name);
                var where = $"{key}.values.{name}";
                if (feature is null)
                {
                    return $"{where}: no feature '{ProblemSchemaCheck.Short(name)}' in this problem";
                }

                if (feature.Name != name)
                {
                    return $"{where}: name the feature as the problem does, '{feature.Name}'";
                }

                if (ValueProblem(feature, value) is { } problem)
                {
                    return $"{where}: {problem}";
                }
            }

            var absent = schema.Features.FirstOrDefault(f => !example.Values.ContainsKey(f.Name));
            if (absent is not null)
            {
                return $"{key}.values: no value for feature '{absent.Name}' (an example gives every feature)";
            }
        }

        return null;
    }

    private static string? ValueProblem(FeatureDefinition feature, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return feature.Missing == MissingValuePolicy.Impute
                ? null
                : $"'{feature.Name}' may not be missing (its missing policy is reject)";
        }

        return feature.Kind switch
        {
            FeatureType.Numeric => NumberProblem(feature, value),
            FeatureType.Binary => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var flag) && flag is 0 or 1
                ? null
                : $"a binary feature is 0 or 1, got {Shown(value)}",
            _ => CategoryProblem(feature, value),
        };
    }

    private static string? NumberProblem(FeatureDefinition feature, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return $"'{feature.Name}' is numeric, got {Shown(value)}";
        }

        var unit = feature.Unit is { } u ? $" ({u})" : "";
        return feature.IsPossible(number)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{number} is impossible: '{feature.Name}' must be {feature.Valid}{unit}");
    }

    private static string? CategoryProblem(FeatureDefinition feature, JsonElement value)
    {
        ColumnValue? category = value.ValueKind switch
        {
            JsonValueKind.String => ColumnValue.Of(value.GetString()!),
            JsonValueKind.Number when value.TryGetInt64(out var whole) => ColumnValue.Of(whole),
            _ => null,
        };
        return category is { } c && feature.CategoryIndex(c) >= 0
            ? null
            : $"{Shown(value)} is not a category of '{feature.Name}'";
    }

    private static string Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{ProblemSchemaCheck.Short(value.GetString()!)}'",
        JsonValueKind.Number => ProblemSchemaCheck.Short(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
