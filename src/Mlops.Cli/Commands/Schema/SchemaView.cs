using System.Globalization;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Problems;
using Spectre.Console;

namespace Mlops.Cli.Commands.Schema;

/// <summary>A problem as tables: features (kind, values, validity, missing values), classes, other columns, fallback rules.</summary>
public static class SchemaView
{
    public static void Write(ProblemSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var features = new Table().Title($"problem [bold]{Markup.Escape(schema.Name)}[/] (version {schema.Version}): {schema.Features.Count} features");
        foreach (var header in new[] { "feature", "kind", "values", "valid", "missing", "aliases" })
        {
            features.AddColumn(header);
        }

        foreach (var f in schema.Features)
        {
            features.AddRow(
                Markup.Escape(f.Name),
                f.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(Values(f)),
                Markup.Escape(f.Valid?.ToString() ?? ""),
                Missing(f),
                Markup.Escape(string.Join(", ", f.Aliases ?? [])));
        }

        AnsiConsole.Write(features);
        var classes = new Table().Title($"label [bold]{Markup.Escape(schema.Label.Column)}[/]");
        classes.AddColumn(new TableColumn("index").RightAligned());
        classes.AddColumn("value");
        classes.AddColumn("class");
        for (var i = 0; i < schema.Label.Classes.Count; i++)
        {
            var c = schema.Label.Classes[i];
            classes.AddRow(i.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Value.Text), Markup.Escape(c.Name));
        }

        AnsiConsole.Write(classes);
        if (schema.Id is { } id)
        {
            AnsiConsole.MarkupLineInterpolated($"id column: {id}");
        }

        if (schema.Ignored is { Count: > 0 } ignored)
        {
            AnsiConsole.MarkupLineInterpolated($"ignored columns: {string.Join(", ", ignored)}");
        }

        var rules = schema.Fallback?.Rules.Count ?? 0;
        AnsiConsole.MarkupLineInterpolated($"fallback: {(rules == 0 ? "no rules" : $"{rules} rules")}, otherwise {schema.Fallback?.Otherwise ?? "the training data's most frequent class"}");
    }

    private static string Values(FeatureDefinition f) => f.Kind switch
    {
        FeatureType.Binary => "0, 1",
        FeatureType.Categorical => Categories(f.Categories ?? []),
        _ => f.Observed is { Min: { } min, Max: { } max } ? $"seen {Format.Number(min)} … {Format.Number(max)}" : "numbers",
    };

    private static string Categories(IReadOnlyList<ColumnValue> categories)
    {
        var shown = string.Join(", ", categories.Take(6));
        return categories.Count > 6 ? $"{shown}, … ({categories.Count})" : shown;
    }

    private static string Missing(FeatureDefinition f)
    {
        var seen = f.Observed is { Missing: > 0 } o ? $" ({o.Missing} seen)" : "";
        return f.Missing.ToString().ToLowerInvariant() + seen;
    }
}
