using Mlops.Core.Data;
using nietras.SeparatedValues;

namespace Mlops.Core.Problems;

/// <summary>
/// Opens a data file with Sep: a header line, <c>,</c> <c>;</c> <c>|</c> or tab separated (detected from
/// the header unless given), quoted fields unescaped, blank lines skipped. It hands each row's fields to
/// the caller and turns everything that can go wrong with the file's shape into a one-line
/// <see cref="DataFormatException"/> naming file and line. A column without a name is skipped: R's
/// <c>write.csv</c> and pandas' <c>to_csv</c> write their row names or index there by default.
/// </summary>
public static class CsvTable
{
    /// <summary>
    /// Whether a field is a missing value: empty, or one of the markers pandas' <c>read_csv</c> reads as
    /// missing by default — R writes <c>NA</c>, Python <c>nan</c> or <c>None</c>, spreadsheets <c>#N/A</c>,
    /// databases <c>NULL</c>. Without them a column of numbers with a few <c>NaN</c> became a category
    /// of 300 "numbers".
    /// </summary>
    public static bool IsMissing(ReadOnlySpan<char> field) => field.Trim() switch
    {
        "" or "NA" or "N/A" or "n/a" or "<NA>" or "#N/A" or "#N/A N/A" or "#NA" => true,
        "NaN" or "-NaN" or "nan" or "-nan" or "NULL" or "null" or "None" => true,
        "1.#IND" or "-1.#IND" or "1.#QNAN" or "-1.#QNAN" => true,
        _ => false,
    };

    /// <summary>
    /// Reads <paramref name="path"/>: <paramref name="onHeader"/> gets the names of the named columns
    /// (trimmed, as in the file) and the line number, <paramref name="onRow"/> every data row's fields of
    /// those columns and its line number. Returns the separator used and how many nameless columns were skipped.
    /// </summary>
    public static CsvShape Read(string path, char? separator, Action<IReadOnlyList<string>, int> onHeader, RowAction onRow) =>
        DataFile.Read(path, reader => Read(reader, path, separator, onHeader, onRow));

    public static CsvShape Read(TextReader text, string source, char? separator, Action<IReadOnlyList<string>, int> onHeader, RowAction onRow)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onHeader);
        ArgumentNullException.ThrowIfNull(onRow);
        var options = (separator is { } c ? Sep.New(c) : Sep.Auto).Reader(o => o with
        {
            HasHeader = true,
            Unescape = true,
            DisableColCountCheck = true,
        });
        try
        {
            using var reader = options.From(text);
            var all = reader.Header.ColNames.Select((n, i) => (i == 0 ? n.TrimStart('\uFEFF') : n).Trim()).ToArray();
            int[] named = [.. Enumerable.Range(0, all.Length).Where(i => all[i].Length > 0)];
            if (reader.Header.IsEmpty || named.Length == 0)
            {
                throw new DataFormatException(source, null, null, "file is empty, expected a header line");
            }

            onHeader([.. named.Select(i => all[i])], 1);
            var fields = new string[named.Length];
            var rows = 0;
            foreach (var row in reader)
            {
                if (row.ColCount == 1 && row.Span.Trim().IsEmpty)
                {
                    continue;
                }

                var line = row.LineNumberFrom;
                if (row.ColCount != all.Length)
                {
                    throw new DataFormatException(source, line, null, $"expected {all.Length} fields, found {row.ColCount}");
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[named[i]].ToString();
                }

                onRow(fields, line);
                rows++;
            }

            if (rows == 0)
            {
                throw new DataFormatException(source, null, null, "has a header but no data rows");
            }

            return new CsvShape(reader.Spec.Sep.Separator, all.Length - named.Length);
        }
        catch (InvalidDataException e)
        {
            // Sep's own findings (e.g. a quote never closed) carry no column; keep its first line.
            throw new DataFormatException(source, null, null, e.Message.ReplaceLineEndings(" ").Trim());
        }
    }

    /// <summary>What reading found out about the file: its separator and how many columns without a name it skipped.</summary>
    public readonly record struct CsvShape(char Separator, int NamelessColumns);

    /// <summary>One data row: its fields (valid only during the call) and its line number in the file.</summary>
    public delegate void RowAction(string[] fields, int line);
}
