using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// Reads a file of late labels: a header, then one row per label, separated by ';' (the seed's
/// files) or ','. Any row that cannot be read fails the whole file, naming line and column, so that
/// nothing of a broken file is stored.
/// </summary>
public static class LabelFileReader
{
    /// <summary>The labels of the file at <paramref name="path"/>, each a class of <paramref name="schema"/>.</summary>
    public static IReadOnlyList<ArrivedLabel> Read(string path, LabelKey key, string labelColumn, ProblemSchema schema)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, null, null, $"cannot read: {e.Message}");
        }

        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new DataFormatException(path, null, null, $"file is empty, expected a header with the columns '{key.Column()}' and '{labelColumn}'");
        }

        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = lines[0].Split(separator).Select(h => h.Trim()).ToArray();
        var keyIndex = Array.IndexOf(header, key.Column());
        var labelIndex = Array.IndexOf(header, labelColumn);
        if (keyIndex < 0)
        {
            throw new DataFormatException(path, 1, key.Column(), $"missing from the header (--key {key.Column()})");
        }

        if (labelIndex < 0)
        {
            throw new DataFormatException(path, 1, labelColumn, "missing from the header (--label)");
        }

        var labels = new List<ArrivedLabel>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(separator);
            if (fields.Length != header.Length)
            {
                throw new DataFormatException(path, line, null, $"has {fields.Length} columns, the header {header.Length}");
            }

            var keyText = fields[keyIndex].Trim();
            if (LabelValue.KeyProblem(key, keyText) is { } problem)
            {
                throw new DataFormatException(path, line, key.Column(), problem);
            }

            if (!LabelValue.TryParse(fields[labelIndex], schema, out var label))
            {
                throw new DataFormatException(path, line, labelColumn, $"unknown class '{LabelValue.Short(fields[labelIndex].Trim())}', expected {LabelValue.Expected(schema)}");
            }

            labels.Add(new ArrivedLabel(keyText, label, $"line {line}"));
        }

        return labels;
    }
}
