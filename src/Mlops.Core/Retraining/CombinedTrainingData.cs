using System.Text;
using Mlops.Core.Problems;

namespace Mlops.Core.Retraining;

/// <summary>
/// The talk's "train on more data": a reference file and a newly labeled file of one problem as one
/// training file, so that the candidate's card (and the registry's lineage) names the exact data by its
/// SHA-256. Both files are read through the problem first (the columns must match it, the labels be there);
/// the rows are then copied as written — the reference's header and separator, the new file's columns
/// matched by name or alias — so every value parses to the same number it did in its own file.
/// </summary>
public static class CombinedTrainingData
{
    /// <summary>Writes <paramref name="reference"/> then <paramref name="data"/> to <paramref name="path"/> (a temporary file renamed into place).</summary>
    public static void Write(string reference, string data, ProblemSchema problem, string path)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(path);
        ProblemCsvReader.ReadFile(reference, problem, requireLabels: true);
        ProblemCsvReader.ReadFile(data, problem, requireLabels: true);

        string[] header = [];
        var rows = new List<string[]>();
        var separator = CsvTable.Read(reference, null, (names, _) => header = [.. names], (fields, _) => rows.Add([.. fields])).Separator;
        int[] order = [];
        CsvTable.Read(
            data,
            null,
            (names, line) => order = [.. header.Select(column => IndexIn(names, column, problem)
                ?? throw new Data.DataFormatException(data, line, column, $"missing from the header; {Path.GetFileName(reference)} has it, and both go into one training file"))],
            (fields, _) => rows.Add([.. order.Select(i => fields[i])]));

        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Line(header, separator));
            foreach (var row in rows)
            {
                writer.WriteLine(Line(row, separator));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The column of <paramref name="names"/> that is <paramref name="column"/>: the same name, or the same feature under another spelling.</summary>
    private static int? IndexIn(IReadOnlyList<string> names, string column, ProblemSchema problem)
    {
        var feature = problem.FindFeature(column);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Equals(column, StringComparison.OrdinalIgnoreCase) || (feature is not null && ReferenceEquals(problem.FindFeature(names[i]), feature)))
            {
                return i;
            }
        }

        return null;
    }

    private static string Line(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => f.Contains(separator, StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal) || f.Contains('\n', StringComparison.Ordinal)
            ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : f));
}
