using System.Globalization;
using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>
/// Reads a <c>;</c>-separated file with a header into numeric columns, the way the drift monitor needs a
/// reference: every column that holds numbers (or true/false), under its canonical name (the seed's
/// <c>emergency_breaking</c> becomes <c>emergency_braking</c>); text columns such as <c>group_name</c> are
/// skipped; an empty field is a missing value. Problems name file, line and column.
/// </summary>
public static class NumericTableReader
{
    /// <summary>Reads a file; each of <paramref name="required"/> must be present and numeric.</summary>
    public static NumericTable ReadFile(string path, IReadOnlyCollection<string>? required = null) =>
        DataFile.Read(path, reader => Read(DataFile.Lines(reader), path, required));

    public static NumericTable Read(IEnumerable<string> lines, string source, IReadOnlyCollection<string>? required = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(source);
        using var e = lines.GetEnumerator();
        var lineNumber = 0;
        string? header = null;
        while (e.MoveNext())
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(e.Current))
            {
                header = e.Current.TrimStart('\uFEFF');
                break;
            }
        }

        if (header is null)
        {
            throw new DataFormatException(source, null, null, "file is empty, expected a ';'-separated header line");
        }

        var names = header.Split(InsuranceCsvFormat.Separator).Select(InsuranceCsvFormat.Canonical).ToArray();
        if (names.Length == 1 && header.Contains(',', StringComparison.Ordinal))
        {
            throw new DataFormatException(source, lineNumber, null, "expected ';'-separated columns; the header uses ','" + InsuranceCsvFormat.OtherProblemHint);
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DataFormatException(source, lineNumber, duplicate.Key, "appears more than once in the header");
        }

        foreach (var name in required ?? [])
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new DataFormatException(source, lineNumber, name, "missing from the header");
            }
        }

        var mustBeNumeric = names.Select(n => required?.Contains(n) == true).ToArray();
        var columns = names.Select(_ => new List<double>()).ToArray();
        var numeric = names.Select(_ => true).ToArray();
        while (e.MoveNext())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(e.Current))
            {
                continue;
            }

            var fields = e.Current.Split(InsuranceCsvFormat.Separator);
            if (fields.Length != names.Length)
            {
                throw new DataFormatException(source, lineNumber, null, $"expected {names.Length} fields, found {fields.Length}");
            }

            for (var c = 0; c < fields.Length; c++)
            {
                if (!numeric[c])
                {
                    continue;
                }

                if (TryParse(fields[c], out var value))
                {
                    columns[c].Add(value);
                }
                else if (mustBeNumeric[c])
                {
                    throw new DataFormatException(source, lineNumber, names[c], $"{Excerpt.Quote(fields[c].Trim())} is not a number");
                }
                else
                {
                    numeric[c] = false;
                }
            }
        }

        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            if (numeric[c])
            {
                table[names[c]] = [.. columns[c]];
            }
        }

        if (table.Count == 0 || table.Values.First().Length == 0)
        {
            throw new DataFormatException(source, null, null, "has no numeric data rows");
        }

        return new NumericTable(Path.GetFileName(source), table);
    }

    /// <summary>A number, true/false (1/0), or an empty field (missing: NaN). Infinities are not numbers here.</summary>
    public static bool TryParse(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            value = double.NaN;
            return true;
        }

        if (bool.TryParse(trimmed, out var flag))
        {
            value = flag ? 1 : 0;
            return true;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
