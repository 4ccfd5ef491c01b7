using System.Globalization;

namespace Mlops.Core.Data;

/// <summary>
/// Reads the seed's CSV format. Every problem becomes a <see cref="DataFormatException"/> that names
/// file, line and column; nothing here throws anything else for bad content.
/// </summary>
public static class InsuranceCsvReader
{
    /// <summary>Reads a file; labels are read when present, and required when <paramref name="requireLabels"/>.</summary>
    public static InsuranceDataset ReadFile(string path, bool requireLabels = false) =>
        DataFile.Read(path, reader => Read(reader, path, requireLabels));

    /// <summary>Reads from any text source; <paramref name="source"/> names it in errors.</summary>
    public static InsuranceDataset Read(TextReader reader, string source, bool requireLabels = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);

        var headerLine = reader.ReadLine();
        var lineNumber = 1;
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine))
        {
            headerLine = reader.ReadLine();
            lineNumber++;
        }

        if (headerLine is null)
        {
            throw new DataFormatException(source, null, null, $"file is empty, expected the header '{InsuranceCsvFormat.HeaderLine}'");
        }

        var layout = ColumnLayout.Parse(headerLine.TrimStart('\uFEFF'), source, lineNumber, requireLabels);
        var records = new List<InsuranceRecord>();
        var fields = new string[layout.FieldCount];
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            records.Add(layout.ParseRow(line, fields, source, lineNumber));
        }

        if (records.Count == 0)
        {
            throw new DataFormatException(source, null, null, "has a header but no data rows");
        }

        return new InsuranceDataset(Path.GetFileName(source), records);
    }

    private sealed class ColumnLayout
    {
        private readonly int[] _featureIndex;
        private readonly int _riskIndex;
        private readonly int _groupIndex;
        private readonly string[] _names;

        private ColumnLayout(string[] names, int[] featureIndex, int riskIndex, int groupIndex)
        {
            _names = names;
            _featureIndex = featureIndex;
            _riskIndex = riskIndex;
            _groupIndex = groupIndex;
        }

        public int FieldCount => _names.Length;

        public static ColumnLayout Parse(string header, string source, int line, bool requireLabels)
        {
            var names = header.Split(InsuranceCsvFormat.Separator).Select(InsuranceCsvFormat.Canonical).ToArray();
            if (InsuranceCsvFormat.SeparatorProblem(header) is { } problem)
            {
                throw new DataFormatException(source, line, null, problem);
            }

            var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new DataFormatException(source, line, duplicate.Key, "appears more than once in the header");
            }

            int IndexOf(string name) => Array.IndexOf(names, name);

            var featureIndex = new int[Feature.All.Count];
            for (var i = 0; i < featureIndex.Length; i++)
            {
                var name = Feature.All[i].Name;
                featureIndex[i] = IndexOf(name);
                if (featureIndex[i] < 0)
                {
                    throw new DataFormatException(source, line, name, "missing from the header" + InsuranceCsvFormat.OtherProblemHint);
                }
            }

            var groupIndex = IndexOf(InsuranceCsvFormat.GroupColumn);
            if (requireLabels && groupIndex < 0)
            {
                throw new DataFormatException(source, line, InsuranceCsvFormat.GroupColumn, "missing from the header; this command needs labeled data");
            }

            return new ColumnLayout(names, featureIndex, IndexOf(InsuranceCsvFormat.RiskColumn), groupIndex);
        }

        public InsuranceRecord ParseRow(string line, string[] fields, string source, int lineNumber)
        {
            var count = Split(line, fields);
            if (count != fields.Length)
            {
                throw new DataFormatException(source, lineNumber, null, $"expected {fields.Length} fields, found {count}");
            }

            var features = new InsuranceFeatures(
                Training: Flag(fields, 0, source, lineNumber),
                Age: Number(fields, _featureIndex[1], source, lineNumber),
                EmergencyBraking: Flag(fields, 2, source, lineNumber),
                BrakingDistance: Number(fields, _featureIndex[3], source, lineNumber),
                Power: Number(fields, _featureIndex[4], source, lineNumber),
                Miles: Number(fields, _featureIndex[5], source, lineNumber));

            double? risk = _riskIndex < 0 || string.IsNullOrWhiteSpace(fields[_riskIndex]) ? null : Number(fields, _riskIndex, source, lineNumber);
            RiskGroup? group = _groupIndex < 0 ? null : Group(fields, _groupIndex, source, lineNumber);
            return new InsuranceRecord(features, risk, group);
        }

        private static int Split(string line, string[] fields)
        {
            var count = 0;
            var start = 0;
            for (var i = 0; i <= line.Length; i++)
            {
                if (i < line.Length && line[i] != InsuranceCsvFormat.Separator)
                {
                    continue;
                }

                if (count < fields.Length)
                {
                    fields[count] = line[start..i];
                }

                count++;
                start = i + 1;
            }

            return count;
        }

        private bool Flag(string[] fields, int feature, string source, int lineNumber)
        {
            var index = _featureIndex[feature];
            var value = Number(fields, index, source, lineNumber);
            return value switch
            {
                0 => false,
                1 => true,
                _ => throw new DataFormatException(source, lineNumber, _names[index], $"{Excerpt.Quote(fields[index])} must be 0 or 1"),
            };
        }

        private double Number(string[] fields, int index, string source, int lineNumber)
        {
            var text = fields[index].Trim();
            if (text.Length == 0)
            {
                throw new DataFormatException(source, lineNumber, _names[index], "empty value");
            }

            if (bool.TryParse(text, out var flag))
            {
                return flag ? 1 : 0;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DataFormatException(source, lineNumber, _names[index], $"{Excerpt.Quote(text)} is not a number");
            }

            return double.IsFinite(value)
                ? value
                : throw new DataFormatException(source, lineNumber, _names[index], $"{Excerpt.Quote(text)} is not a finite number");
        }

        private RiskGroup Group(string[] fields, int index, string source, int lineNumber)
        {
            var text = fields[index].Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) && RiskGroups.TryFromLabel(label, out var group)
                ? group
                : throw new DataFormatException(source, lineNumber, _names[index], $"{Excerpt.Quote(text)} is not a risk group (0 = high, 1 = medium, 2 = low)");
        }
    }
}
