using System.Globalization;
using Mlops.Core.Data;

namespace Mlops.Core.Problems;

/// <summary>
/// Reads any problem's data file into a <see cref="ProblemDataset"/>, driven by the schema alone: every
/// column of the file must be a feature (by name or alias), the label, the id or an ignored column;
/// every feature must be there. Values are checked against their kind; a missing value (<c>NA</c> or
/// empty) is kept only where the schema says impute. Values outside the validity bounds are read: they
/// are data-quality findings, not format errors. Every problem is a <see cref="DataFormatException"/>
/// naming file, line and column. A row without a label (<c>NA</c> or empty: ground truth arrives late)
/// is skipped where labels are required (training, validation) and makes the file unlabeled elsewhere
/// (drift, data description and analysis read its features); <see cref="ProblemDataset.UnlabeledRows"/> counts them.
/// </summary>
public static class ProblemCsvReader
{
    public static ProblemDataset ReadFile(string path, ProblemSchema schema, char? separator = null, bool requireLabels = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        var reading = new Reading(schema, path, requireLabels);
        CsvTable.Read(path, separator, reading.Header, reading.Row);
        return reading.Result(Path.GetFileName(path));
    }

    public static ProblemDataset Read(TextReader text, string source, ProblemSchema schema, char? separator = null, bool requireLabels = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var reading = new Reading(schema, source, requireLabels);
        CsvTable.Read(text, source, separator, reading.Header, reading.Row);
        return reading.Result(Path.GetFileName(source));
    }

    private sealed class Reading(ProblemSchema schema, string source, bool requireLabels)
    {
        private readonly List<double>[] _features = [.. schema.Features.Select(_ => new List<double>())];
        private readonly List<int> _labels = [];
        private readonly List<string> _ids = [];
        private int[] _featureColumn = [];
        private int _labelColumn = -1;
        private int _unlabeled;
        private int _idColumn = -1;
        private string[] _names = [];

        public void Header(IReadOnlyList<string> names, int line)
        {
            _names = [.. names];
            if (names.Count == 1 && schema.Features.Count > 0 && schema.FindFeature(names[0]) is null)
            {
                throw new DataFormatException(source, line, null, $"found one column '{ProblemSchemaCheck.Short(names[0])}': expected columns separated by ',', ';', '|' or tab (or give --separator)");
            }

            _featureColumn = [.. schema.Features.Select(_ => -1)];
            for (var c = 0; c < names.Count; c++)
            {
                var name = names[c];
                if (schema.FindFeature(name) is { } feature)
                {
                    var index = schema.FeatureIndex(name);
                    if (_featureColumn[index] >= 0)
                    {
                        throw new DataFormatException(source, line, name, $"appears more than once in the header (as feature '{feature.Name}')");
                    }

                    _featureColumn[index] = c;
                }
                else if (Is(name, schema.Label.Column))
                {
                    _labelColumn = _labelColumn < 0 ? c : throw new DataFormatException(source, line, name, "appears more than once in the header");
                }
                else if (schema.Id is { } id && Is(name, id))
                {
                    _idColumn = _idColumn < 0 ? c : throw new DataFormatException(source, line, name, "appears more than once in the header");
                }
                else if (!schema.IsIgnored(name))
                {
                    throw new DataFormatException(source, line, name, $"unexpected column: problem '{schema.Name}' has no such feature (list it under 'ignored' in the problem file to skip it)");
                }
            }

            for (var f = 0; f < _featureColumn.Length; f++)
            {
                if (_featureColumn[f] < 0)
                {
                    throw new DataFormatException(source, line, schema.Features[f].Name, "missing from the header");
                }
            }

            if (requireLabels && _labelColumn < 0)
            {
                throw new DataFormatException(source, line, schema.Label.Column, "missing from the header; this command needs labeled data");
            }
        }

        public void Row(string[] fields, int line)
        {
            if (_labelColumn >= 0 && CsvTable.IsMissing(fields[_labelColumn]))
            {
                _unlabeled++;
                if (requireLabels)
                {
                    return;
                }
            }
            else if (_labelColumn >= 0)
            {
                _labels.Add(Label(fields[_labelColumn], _names[_labelColumn], line));
            }

            for (var f = 0; f < _featureColumn.Length; f++)
            {
                var c = _featureColumn[f];
                _features[f].Add(Value(schema.Features[f], fields[c], _names[c], line));
            }

            if (_idColumn >= 0)
            {
                _ids.Add(fields[_idColumn].Trim());
            }
        }

        public ProblemDataset Result(string name)
        {
            if (requireLabels && _labels.Count == 0)
            {
                throw new DataFormatException(source, null, schema.Label.Column, $"no row has a label ({_unlabeled} without one); this command needs labeled data");
            }

            return new(
                name,
                schema,
                [.. _features.Select(c => c.ToArray())],
                _labelColumn >= 0 && (requireLabels || _unlabeled == 0) ? [.. _labels] : null,
                _idColumn >= 0 ? [.. _ids] : null,
                _unlabeled);
        }

        private double Value(FeatureDefinition feature, string field, string column, int line)
        {
            if (CsvTable.IsMissing(field))
            {
                return feature.Missing == MissingValuePolicy.Impute
                    ? double.NaN
                    : throw new DataFormatException(source, line, column, $"missing value{Quoted(field)}; the problem file's policy for '{feature.Name}' is reject (set \"missing\": \"impute\" to fill it in from the training data)");
            }

            var text = field.Trim();
            switch (feature.Kind)
            {
                case FeatureType.Categorical:
                    var index = feature.CategoryIndex(ColumnValue.Parse(text));
                    return index >= 0
                        ? index
                        : throw new DataFormatException(source, line, column, $"'{ProblemSchemaCheck.Short(text)}' is not a category of '{feature.Name}' ({Categories(feature)})");
                case FeatureType.Binary:
                    if (bool.TryParse(text, out var flag))
                    {
                        return flag ? 1 : 0;
                    }

                    return Number(text, column, line) switch
                    {
                        0 => 0,
                        1 => 1,
                        _ => throw new DataFormatException(source, line, column, $"'{ProblemSchemaCheck.Short(text)}' must be 0 or 1"),
                    };
                default:
                    return Number(text, column, line);
            }
        }

        private double Number(string text, string column, int line)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DataFormatException(source, line, column, $"'{ProblemSchemaCheck.Short(text)}' is not a number");
            }

            return double.IsFinite(value)
                ? value
                : throw new DataFormatException(source, line, column, $"'{ProblemSchemaCheck.Short(text)}' is not a finite number");
        }

        private int Label(string field, string column, int line)
        {
            var index = schema.Label.ClassIndex(ColumnValue.Parse(field));
            return index >= 0
                ? index
                : throw new DataFormatException(source, line, column, $"'{ProblemSchemaCheck.Short(field.Trim())}' is not a class ({string.Join(", ", schema.Label.Classes.Select(c => $"{c.Value} = {c.Name}"))})");
        }

        private static bool Is(string column, string name) => column.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase);

        private static string Quoted(string field) => field.Trim().Length == 0 ? "" : $" ('{field.Trim()}')";

        private static string Categories(FeatureDefinition feature)
        {
            var categories = feature.Categories ?? [];
            var shown = string.Join(", ", categories.Take(8).Select(c => ProblemSchemaCheck.Short(c.Text)));
            return categories.Count > 8 ? $"{shown}, … {categories.Count} in all" : shown;
        }
    }
}
