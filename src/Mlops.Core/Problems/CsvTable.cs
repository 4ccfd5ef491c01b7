using Mlops.Core.Data;
using nietras.SeparatedValues;

namespace Mlops.Core.Problems;

/// <summary>
/// Opens a data file with Sep: a header line, <c>,</c> <c>;</c> <c>|</c> or tab separated (detected from
/// the header unless given), quoted fields unescaped, blank lines skipped. It hands each row's fields to
/// the caller and turns everything that can go wrong with the file's shape into a one-line
/// <see cref="DataFormatException"/> naming file and line.
/// </summary>
public static class CsvTable
{
    /// <summary>Values that mean "missing" besides an empty field (R and many exports write <c>NA</c>).</summary>
    public static bool IsMissing(ReadOnlySpan<char> field)
    {
        var trimmed = field.Trim();
        return trimmed.IsEmpty || trimmed.SequenceEqual("NA");
    }

    /// <summary>
    /// Reads <paramref name="path"/>: <paramref name="onHeader"/> gets the column names (trimmed, as in the
    /// file) and the line number, <paramref name="onRow"/> every data row's fields and its line number.
    /// Returns the separator used.
    /// </summary>
    public static char Read(string path, char? separator, Action<IReadOnlyList<string>, int> onHeader, RowAction onRow) =>
        DataFile.Read(path, reader => Read(reader, path, separator, onHeader, onRow));

    public static char Read(TextReader text, string source, char? separator, Action<IReadOnlyList<string>, int> onHeader, RowAction onRow)
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
        var lastLine = 0;
        try
        {
            using var reader = options.From(text);
            var names = reader.Header.ColNames.Select((n, i) => (i == 0 ? n.TrimStart('\uFEFF') : n).Trim()).ToArray();
            if (reader.Header.IsEmpty || names.All(n => n.Length == 0))
            {
                throw new DataFormatException(source, null, null, "file is empty, expected a header line");
            }

            onHeader(names, 1);
            var fields = new string[names.Length];
            var rows = 0;
            lastLine = 1;
            foreach (var row in reader)
            {
                if (row.ColCount == 1 && row.Span.Trim().IsEmpty)
                {
                    continue;
                }

                var line = row.LineNumberFrom;
                if (row.ColCount != names.Length)
                {
                    throw new DataFormatException(source, line, null, $"expected {names.Length} fields, found {row.ColCount}");
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                onRow(fields, line);
                lastLine = row.LineNumberToExcl - 1;
                rows++;
            }

            if (rows == 0)
            {
                throw new DataFormatException(source, null, null, "has a header but no data rows");
            }

            return reader.Spec.Sep.Separator;
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            // Sep reads rows of at most 16,777,216 characters: a longer one is no data row (an unterminated quote, a 20 MB field).
            throw new DataFormatException(source, lastLine + 1, null, "a row longer than 16,777,216 characters: not a data row (an unterminated quote?)");
        }
        catch (InvalidDataException e)
        {
            // Sep's own findings (e.g. a quote never closed) carry no column; keep its first line.
            throw new DataFormatException(source, null, null, e.Message.ReplaceLineEndings(" ").Trim());
        }
    }

    /// <summary>One data row: its fields (valid only during the call) and its line number in the file.</summary>
    public delegate void RowAction(string[] fields, int line);
}
