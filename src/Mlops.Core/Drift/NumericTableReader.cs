using System.Globalization;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using nietras.SeparatedValues;

namespace Mlops.Core.Drift;

/// <summary>
/// Reads a problem's data file into the columns drift compares, the way the monitor needs a reference
/// and <c>mlops drift</c> its two files: through <see cref="ProblemCsvReader"/> (any separator it
/// detects, the problem's names and aliases, categories as their index, <c>NA</c> per the missing-value
/// policy), each feature under its name; the label, when the file has it, under the label column's name
/// as the class index (the stand-in for reference predictions); and a <see cref="ColumnMapping.PredictionColumn"/>
/// column, if the file holds one, as the class index too. Problems name file, line and column.
/// </summary>
public static class NumericTableReader
{
    /// <summary>Reads <paramref name="path"/> through <paramref name="schema"/>.</summary>
    public static NumericTable ReadFile(string path, ProblemSchema schema, char? separator = null) =>
        ReadFileWithHeader(path, schema, separator).Table;

    /// <summary>The table and the file's header as written (the monitor exports columns under the reference's spelling).</summary>
    public static (NumericTable Table, IReadOnlyList<string> Header) ReadFileWithHeader(string path, ProblemSchema schema, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        var (header, predictions) = Predictions(path, schema, separator);
        var withPrediction = predictions is null || schema.IsIgnored(ColumnMapping.PredictionColumn)
            ? schema
            : schema with { Ignored = [.. schema.Ignored ?? [], ColumnMapping.PredictionColumn] };
        var data = ProblemCsvReader.ReadFile(path, withPrediction, separator);
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < schema.Features.Count; f++)
        {
            columns[schema.Features[f].Name] = data.Feature(f).ToArray();
        }

        if (data.IsLabeled)
        {
            columns[schema.Label.Column] = [.. data.Labels.ToArray().Select(l => (double)l)];
        }

        if (predictions is not null)
        {
            columns[ColumnMapping.PredictionColumn] = predictions;
        }

        return (new NumericTable(data.Name, columns), header);
    }

    /// <summary>The header, and the prediction column's class indices when the file has a column <c>prediction</c> that is not a feature.</summary>
    private static (IReadOnlyList<string> Header, double[]? Predictions) Predictions(string path, ProblemSchema schema, char? separator)
    {
        var header = Header(path, separator);
        var column = header.FindIndex(n => n.Equals(ColumnMapping.PredictionColumn, StringComparison.OrdinalIgnoreCase) && schema.FindFeature(n) is null);
        if (column < 0)
        {
            return (header, null);
        }

        // A second pass over the file, only for a reference that holds predictions (the seed's does not).
        var values = new List<double>();
        CsvTable.Read(path, separator, (_, _) => { }, (fields, line) => values.Add(Prediction(fields[column], schema, path, line, header[column])));
        return (header, [.. values]);
    }

    /// <summary>The header line's names as <see cref="CsvTable"/> reads them; empty when the file has none (the reading proper says what is wrong).</summary>
    private static List<string> Header(string path, char? separator) => DataFile.Read(path, text =>
    {
        try
        {
            using var reader = (separator is { } c ? Sep.New(c) : Sep.Auto).Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(text);
            return reader.Header.ColNames.Select((n, i) => (i == 0 ? n.TrimStart('\uFEFF') : n).Trim()).ToList();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    });

    /// <summary>A predicted class: its value as the label writes it, or its index; empty or <c>NA</c> is none (NaN).</summary>
    private static double Prediction(string field, ProblemSchema schema, string path, int line, string column)
    {
        if (CsvTable.IsMissing(field))
        {
            return double.NaN;
        }

        var index = schema.Label.ClassIndex(ColumnValue.Parse(field));
        if (index >= 0)
        {
            return index;
        }

        var classes = schema.Label.Classes.Count;
        return int.TryParse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < classes
            ? number
            : throw new DataFormatException(path, line, column, $"{Excerpt.Quote(field.Trim())} is not a class of '{schema.Name}' (its value or its index 0 to {classes - 1})");
    }
}
