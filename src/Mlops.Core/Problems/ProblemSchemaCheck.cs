using System.Globalization;

namespace Mlops.Core.Problems;

/// <summary>
/// What a problem file must satisfy beyond its JSON shape; each finding names the key
/// (<c>label.classes[1].name</c>) so a user finds it in the file.
/// </summary>
internal static class ProblemSchemaCheck
{
    public static string? FirstProblem(ProblemSchema schema) =>
        Header(schema) ?? Label(schema.Label) ?? Features(schema) ?? OtherColumns(schema) ?? Fallback(schema) ?? Training(schema)
        ?? ProblemExampleCheck.FirstProblem(schema);

    private static string? Header(ProblemSchema schema)
    {
        if (schema.Version != ProblemSchema.CurrentVersion)
        {
            return $"version: {schema.Version} is not supported (this mlops reads version {ProblemSchema.CurrentVersion})";
        }

        return schema.Name.Length == 0 || !schema.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"name: '{Short(schema.Name)}' must be letters, digits, '-' or '_'"
            : null;
    }

    private static string? Label(LabelDefinition label)
    {
        if (string.IsNullOrWhiteSpace(label.Column))
        {
            return "label.column: must name a column";
        }

        if (label.Name is { } name && !IsAnswerName(name))
        {
            return $"label.name: '{Short(name)}' must be letters, digits and '_', not start with a digit, and not be a field every answer has ({string.Join(", ", ReservedAnswerFields)})";
        }

        if (label.Classes.Count < 2)
        {
            return $"label.classes: a classification needs at least 2 classes, got {label.Classes.Count}";
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < label.Classes.Count; i++)
        {
            var c = label.Classes[i];
            if (string.IsNullOrWhiteSpace(c.Name))
            {
                return $"label.classes[{i}].name: a class needs a name";
            }

            if (!values.Add(c.Value.Text))
            {
                return $"label.classes[{i}].value: duplicate class value '{Short(c.Value.Text)}'";
            }

            if (!names.Add(c.Name))
            {
                return $"label.classes[{i}].name: duplicate class name '{Short(c.Name)}'";
            }
        }

        return null;
    }

    /// <summary>The fields of every prediction answer besides the class name: a label named like one would shadow it.</summary>
    private static readonly string[] ReservedAnswerFields = ["category", "probabilities", "source", "model_version", "reason", "feature", "prediction_id", "request_id", "le", "quantile"];

    private static bool IsAnswerName(string name) =>
        name.Length is > 0 and <= 64 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !name.StartsWith("__", StringComparison.Ordinal) && !ReservedAnswerFields.Contains(name, StringComparer.Ordinal);

    private static string? Features(ProblemSchema schema)
    {
        if (schema.Features.Count == 0)
        {
            return "features: a problem needs at least one feature";
        }

        var spellings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < schema.Features.Count; i++)
        {
            var f = schema.Features[i];
            var key = $"features[{i}]";
            if (string.IsNullOrWhiteSpace(f.Name))
            {
                return $"{key}.name: must name a column";
            }

            var aliases = f.Aliases ?? [];
            for (var a = -1; a < aliases.Count; a++)
            {
                var spelling = a < 0 ? f.Name : aliases[a];
                var where = a < 0 ? $"{key}.name" : $"{key}.aliases[{a}]";
                if (string.IsNullOrWhiteSpace(spelling))
                {
                    return $"{where}: must name a column";
                }

                if (!spellings.Add(spelling.Trim()))
                {
                    return $"{where}: duplicate feature '{Short(spelling)}'";
                }

                if (spelling.Trim().Equals(schema.Label.Column.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return $"{where}: '{Short(spelling)}' is the label column; the label cannot also be a feature";
                }
            }

            var kindProblem = KindProblem(f);
            if (kindProblem is not null)
            {
                return $"{key}.{kindProblem}";
            }
        }

        return null;
    }

    private static string? KindProblem(FeatureDefinition f)
    {
        if (f.Kind == FeatureType.Categorical)
        {
            var categories = f.Categories ?? [];
            if (categories.Count == 0)
            {
                return "categories: a categorical feature lists its categories";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < categories.Count; c++)
            {
                if (!seen.Add(categories[c].Text))
                {
                    return $"categories[{c}]: duplicate category '{Short(categories[c].Text)}'";
                }
            }
        }
        else if (f.Categories is not null)
        {
            return $"categories: only a categorical feature has categories ('{f.Name}' is {Kind(f.Kind)})";
        }

        if (f.Valid is { } valid)
        {
            if (f.Kind != FeatureType.Numeric)
            {
                return $"valid: only a numeric feature has validity bounds ('{f.Name}' is {Kind(f.Kind)})";
            }

            if (!valid.HasBounds)
            {
                return "valid: is empty: give at_least, above, at_most or below";
            }

            if (valid.Problem() is { } problem)
            {
                return $"valid: {problem}";
            }
        }

        return null;
    }

    private static string? OtherColumns(ProblemSchema schema)
    {
        var ignored = schema.Ignored ?? [];
        for (var i = 0; i < ignored.Count; i++)
        {
            if (Taken(schema, ignored[i]) is { } what)
            {
                return $"ignored[{i}]: '{Short(ignored[i])}' is {what}; a column is ignored or used, not both";
            }
        }

        if (schema.Id is { } id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return "id: must name a column";
            }

            if (Taken(schema, id) is { } what)
            {
                return $"id: '{Short(id)}' is {what}";
            }

            if (schema.IsIgnored(id))
            {
                return $"id: '{Short(id)}' is also ignored";
            }
        }

        return null;
    }

    private static string? Taken(ProblemSchema schema, string column) =>
        schema.FindFeature(column) is not null ? "a feature"
        : column.Trim().Equals(schema.Label.Column.Trim(), StringComparison.OrdinalIgnoreCase) ? "the label" : null;

    private static string? Fallback(ProblemSchema schema)
    {
        if (schema.Fallback is not { } fallback)
        {
            return null;
        }

        for (var r = 0; r < fallback.Rules.Count; r++)
        {
            var rule = fallback.Rules[r];
            var key = $"fallback.rules[{r}]";
            if (ClassProblem(schema, rule.Then) is { } problem)
            {
                return $"{key}.then: {problem}";
            }

            foreach (var (name, condition) in rule.When)
            {
                var feature = schema.FindFeature(name);
                var where = $"{key}.when.{name}";
                if (feature is null)
                {
                    return $"{where}: no feature '{Short(name)}' in this problem";
                }

                if (ConditionProblem(feature, condition) is { } conditionProblem)
                {
                    return $"{where}: {conditionProblem}";
                }
            }
        }

        if (fallback.Otherwise is { } otherwise && ClassProblem(schema, otherwise) is { } otherwiseProblem)
        {
            return $"fallback.otherwise: {otherwiseProblem}";
        }

        return Ranges(schema, fallback.Ranges);
    }

    /// <summary>The trainer is one mlops has; sweet spots name distinct numeric features; their target is an ignored column.</summary>
    private static string? Training(ProblemSchema schema)
    {
        if (schema.Training is not { } training)
        {
            return null;
        }

        if (training.Trainer is { } trainer && !Mlops.Core.Training.TrainerKinds.ByName.ContainsKey(trainer))
        {
            return $"training.trainer: '{Short(trainer)}' is not a trainer (trainers: {string.Join(", ", Mlops.Core.Training.TrainerKinds.ByName.Keys)})";
        }

        if (training.FeatureEngineering is not { } engineering)
        {
            return null;
        }

        var spots = engineering.SweetSpots ?? [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < spots.Count; i++)
        {
            var key = $"training.feature_engineering.sweet_spots[{i}]";
            var feature = schema.FindFeature(spots[i]);
            if (feature is null)
            {
                return $"{key}: no feature '{Short(spots[i])}' in this problem";
            }

            if (feature.Kind != FeatureType.Numeric)
            {
                return $"{key}: a sweet spot needs a numeric feature, '{feature.Name}' is {feature.Kind.ToString().ToLowerInvariant()}";
            }

            if (!seen.Add(feature.Name))
            {
                return $"{key}: '{feature.Name}' is given twice";
            }
        }

        return engineering.SweetSpotTarget is { } target && !schema.IsIgnored(target)
            ? $"training.feature_engineering.sweet_spot_target: '{Short(target)}' must be one of the ignored columns (a number per row, not a feature)"
            : null;
    }

    /// <summary>Fixed fallback ranges: of numeric features, finite, the minimum not above the maximum.</summary>
    private static string? Ranges(ProblemSchema schema, IReadOnlyDictionary<string, Models.FeatureRange>? ranges)
    {
        foreach (var (name, range) in ranges ?? new Dictionary<string, Models.FeatureRange>())
        {
            var key = $"fallback.ranges.{name}";
            var feature = schema.FindFeature(name);
            if (feature is null)
            {
                return $"{key}: no feature '{Short(name)}' in this problem";
            }

            if (feature.Kind != FeatureType.Numeric)
            {
                return $"{key}: a fixed range needs a numeric feature, '{feature.Name}' is {feature.Kind.ToString().ToLowerInvariant()}";
            }

            if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Min > range.Max)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{key}: min {range.Min} must be a number not above max {range.Max}");
            }
        }

        return null;
    }

    private static string? ClassProblem(ProblemSchema schema, string name) =>
        schema.Label.Classes.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"'{Short(name)}' is not a class (classes: {string.Join(", ", schema.Label.Classes.Select(c => c.Name))})";

    private static string? ConditionProblem(FeatureDefinition feature, FeatureCondition condition)
    {
        if (!condition.HasBounds && condition.EqualTo is null)
        {
            return "is empty: give above, below, at_least, at_most or equals";
        }

        if (condition.Problem() is { } problem)
        {
            return problem;
        }

        if (condition.EqualTo is { } value)
        {
            if (condition.HasBounds)
            {
                return "give equals or comparisons, not both";
            }

            return feature.Kind switch
            {
                FeatureType.Binary when value.Text is not ("0" or "1") => $"equals: a binary feature is 0 or 1, got '{Short(value.Text)}'",
                FeatureType.Categorical when feature.CategoryIndex(value) < 0 => $"equals: '{Short(value.Text)}' is not a category of '{feature.Name}'",
                FeatureType.Numeric => $"equals: '{feature.Name}' is numeric; compare it with above, below, at_least or at_most",
                _ => null,
            };
        }

        return feature.Kind == FeatureType.Categorical
            ? $"'{feature.Name}' is categorical; use equals"
            : null;
    }

    private static string Kind(FeatureType kind) => kind.ToString().ToLowerInvariant();

    /// <summary>At most a short piece of a user's value goes into a message.</summary>
    internal static string Short(string text) =>
        text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..37]}...");
}
