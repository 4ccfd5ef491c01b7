using System.Globalization;
using System.Text;
using Mlops.Core.Problems;

namespace Mlops.Serving.Input;

/// <summary>
/// One feature of the served problem as the request reader needs it, prepared once per model: the
/// UTF-8 spellings it is read from (name and aliases), its kind, its categories, its hard validity
/// bounds and what a missing value becomes.
/// </summary>
internal sealed class RequestFeature
{
    public RequestFeature(FeatureDefinition definition, double imputed)
    {
        Definition = definition;
        Name = definition.Name;
        Spellings = [.. definition.Spellings.Select(Encoding.UTF8.GetBytes)];
        Kind = definition.Kind;
        Categories = [.. (definition.Categories ?? []).Select(c => c.Text)];
        Valid = definition.Valid;
        BoundsText = definition.Valid is { } valid ? Words(valid) + (definition.Unit is { } unit ? $" ({unit})" : "") : null;
        Imputes = definition.Missing == MissingValuePolicy.Impute;
        Imputed = imputed;
    }

    public FeatureDefinition Definition { get; }

    public string Name { get; }

    /// <summary>The name and every alias, as UTF-8: compared with the request's property names without decoding them.</summary>
    public byte[][] Spellings { get; }

    public FeatureType Kind { get; }

    public string[] Categories { get; }

    public ValidityBounds? Valid { get; }

    /// <summary>The valid values in words with the problem file's unit, e.g. "more than 0 and at most 150 (years)"; null without bounds.</summary>
    public string? BoundsText { get; }

    /// <summary>True when a missing value (absent or null) is allowed and becomes <see cref="Imputed"/>.</summary>
    public bool Imputes { get; }

    /// <summary>The value a missing input becomes: the model card's imputed value, or NaN (the classifier imputes).</summary>
    public double Imputed { get; }

    /// <summary>The index of the category written as <paramref name="text"/>, or −1; <c>"2.0"</c> matches the category 2.</summary>
    public int CategoryIndex(string text)
    {
        var index = Array.IndexOf(Categories, text);
        return index >= 0 ? index : Array.IndexOf(Categories, ColumnValue.Parse(text).Text);
    }

    /// <summary>The categories for an error message: a few of them, quoted.</summary>
    public string CategoryList()
    {
        const int Shown = 8;
        var listed = string.Join(", ", Categories.Take(Shown).Select(c => Core.Excerpt.Quote(c)));
        return Categories.Length > Shown ? $"{listed}, … ({Categories.Length} categories)" : listed;
    }

    private static string Words(ValidityBounds bounds)
    {
        var parts = new List<string>(2);
        if (bounds.AtLeast is { } atLeast)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at least {atLeast}"));
        }

        if (bounds.Above is { } above)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"more than {above}"));
        }

        if (bounds.AtMost is { } atMost)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at most {atMost}"));
        }

        if (bounds.Below is { } below)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"less than {below}"));
        }

        return string.Join(" and ", parts);
    }
}
