using System.Globalization;
using System.Text.Json;
using Mlops.Core;
using Mlops.Core.Monitoring;
using Mlops.Core.Problems;

namespace Mlops.Monitoring.Ingestion;

/// <summary>
/// Turns the body of <c>POST /iterate/{dataset}</c> — a JSON array of row objects, as the seed's client
/// sends whole CSV rows — into rows of numbers in the window's column order. Columns the dataset does
/// not watch (the insurance labels <c>risk</c>, <c>group</c>, <c>group_name</c>) are ignored; a
/// feature's aliases in the problem file are accepted (the seed's <c>emergency_breaking</c>); values may
/// be numbers (a category's index, as the service forwards it), numeric strings, true/false, or a
/// category as the data writes it (<c>"red"</c>); null is a missing value where the problem imputes it.
/// A missing feature, a non-number or NaN rejects the whole request, so nothing is half taken. A row's
/// <c>source</c> (who answered, sent by the prediction service) goes to the window's fallback column.
/// A value no row can have is refused with 422 naming row and column (<see cref="WindowRows"/>, the
/// checks every row passes on its way into a window), so no client can poison the windows with an age of 1e308.
/// </summary>
public sealed class RowParser
{
    private readonly WindowRows _rows;

    /// <param name="rows">The window's columns and how a value is checked there.</param>
    public RowParser(WindowRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows;
    }

    /// <param name="columns">The window's columns.</param>
    /// <param name="optional">Columns a row may lack (the prediction, the fallback): NaN then.</param>
    /// <param name="sourceColumn">The window column that a row's <c>source</c> text fills (<see cref="AnswerSourceColumn.WindowColumn"/>), or null.</param>
    public RowParser(IReadOnlyList<string> columns, IReadOnlySet<string> optional, string? sourceColumn = null)
        : this(new WindowRows(columns, optional, sourceColumn))
    {
    }

    /// <summary>Parses an array of row objects (a single object counts as one row), at most <paramref name="maxRows"/> of them.</summary>
    public IReadOnlyList<double[]> Parse(JsonElement body, int maxRows = int.MaxValue)
    {
        if (body.ValueKind == JsonValueKind.Object)
        {
            return [ParseRow(body, 0)];
        }

        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new BadRowException($"expected a JSON array of row objects, got {Describe(body.ValueKind)}");
        }

        var count = body.GetArrayLength();
        if (count > maxRows)
        {
            throw new BadRowException($"{count} rows in one request; the monitor takes at most {maxRows}: send them in smaller batches")
            {
                Status = 413,
                Kind = "too_many_rows",
            };
        }

        var rows = new List<double[]>(count);
        var i = 0;
        foreach (var element in body.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new BadRowException($"row {i}: expected an object with one property per column, got {Describe(element.ValueKind)}");
            }

            rows.Add(ParseRow(element, i++));
        }

        return rows;
    }

    private double[] ParseRow(JsonElement row, int rowIndex)
    {
        try
        {
            return ParseValues(row, rowIndex);
        }
        catch (InvalidOperationException e)
        {
            // Turning a name or a string into text: invalid UTF-8 or a lone surrogate escape ("\ud800").
            throw new BadRowException($"row {rowIndex}: a column name or text value is not valid UTF-8 or holds a lone surrogate", e);
        }
    }

    private double[] ParseValues(JsonElement element, int rowIndex)
    {
        var row = _rows.Begin(rowIndex);
        foreach (var property in element.EnumerateObject())
        {
            if (_rows.SourceColumn >= 0 && property.NameEquals(MonitorRowFields.Source))
            {
                row.SetSource(Source(property.Value, rowIndex));
            }
            else if (_rows.TryFind(property.Name, out var c))
            {
                row.Set(c, Value(property.Value, rowIndex, _rows.Columns[c], _rows.IsOptional(c), _rows.Feature(c)));
            }
        }

        return row.Complete();
    }

    private static string? Source(JsonElement value, int row) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new BadRowException($"row {row}: column '{MonitorRowFields.Source}': expected who answered as text (e.g. \"ml\"), got {Describe(value.ValueKind)}"),
    };

    private static double Value(JsonElement value, int row, string column, bool optional, FeatureDefinition? feature)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetDouble();
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.Null when optional:
                return double.NaN;
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (feature is { Kind: FeatureType.Categorical } categorical)
                {
                    return Category(categorical, text, row, column);
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number;
                }

                if (bool.TryParse(text, out var flag))
                {
                    return flag ? 1 : 0;
                }

                throw new BadRowException($"row {row}: column '{column}': {Excerpt.Quote(text)} is not a number");
            default:
                throw new BadRowException($"row {row}: column '{column}': expected a number, got {Describe(value.ValueKind)}");
        }
    }

    /// <summary>A category written as text (its value in the data), or a string holding its index.</summary>
    private static double Category(FeatureDefinition feature, string text, int row, string column)
    {
        var index = feature.CategoryIndex(ColumnValue.Parse(text));
        if (index >= 0)
        {
            return index;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new BadRowException($"row {row}: column '{column}': {Excerpt.Quote(text)} is not a category of '{feature.Name}'") { Status = 422, Kind = "invalid_value" };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
