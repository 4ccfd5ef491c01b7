using System.Globalization;
using Mlops.Core.Data;

namespace Mlops.Core.Problems;

/// <summary>What <see cref="SchemaInference.Infer"/> found: a draft problem, what it decided on its own, and the separator used.</summary>
/// <param name="Schema">The draft, for the user to edit.</param>
/// <param name="Notes">Decisions the user should review (a column ignored, a kind guessed).</param>
/// <param name="Separator">The file's separator.</param>
/// <param name="Rows">Data rows read.</param>
public sealed record InferredProblem(ProblemSchema Schema, IReadOnlyList<string> Notes, char Separator, int Rows);

/// <summary>
/// Drafts a problem file from a data file (<c>mlops schema infer</c>): the label's classes from its
/// values; per other column its kind (only 0/1: binary; numbers: numeric with the observed range; any
/// text: categorical with the categories seen), the missing values seen (then <c>impute</c>, else
/// <c>reject</c>). It guesses, the user decides: no validity bounds are invented (the observed range is
/// information, not a rule), and integer-coded categories are left numeric for the user to change.
/// </summary>
public static class SchemaInference
{
    /// <summary>More distinct classes than this is not a classification label.</summary>
    public const int MaxClasses = 100;

    /// <summary>A text column with more distinct values than this (names, free text) is ignored, not a category.</summary>
    public const int MaxCategories = 100;

    public static InferredProblem Infer(string path, string label, string? id = null, char? separator = null, IReadOnlyCollection<string>? ignore = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(label);
        Column[] columns = [];
        var rows = 0;
        var shape = CsvTable.Read(
            path,
            separator,
            (names, line) =>
            {
                columns = [.. names.Select(n => new Column(n))];
                Require(names, label, path, line, "the label");
                if (id is not null)
                {
                    Require(names, id, path, line, "the id");
                }

                foreach (var column in ignore ?? [])
                {
                    Require(names, column, path, line, "an ignored column");
                }

                var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null)
                {
                    throw new DataFormatException(path, line, duplicate.Key, "appears more than once in the header");
                }
            },
            (fields, line) =>
            {
                rows++;
                for (var c = 0; c < columns.Length; c++)
                {
                    columns[c].Add(fields[c], line);
                }
            });

        var notes = new List<string>();
        if (shape.NamelessColumns > 0)
        {
            notes.Add($"{shape.NamelessColumns} column(s) without a name in the header (row names, as R's write.csv and pandas' to_csv write them): skipped");
        }

        var labelColumn = columns.Single(c => Is(c.Name, label));
        var classes = Classes(labelColumn, path);
        if (labelColumn.FirstMissingLine is { } unlabeled)
        {
            notes.Add($"{labelColumn.Missing} row(s) have no '{labelColumn.Name}' (the first on line {unlabeled}): the classes are drafted from the others; train and validate skip rows without a label");
        }

        var features = new List<FeatureDefinition>();
        var ignored = new List<string>();
        foreach (var column in columns)
        {
            if (ReferenceEquals(column, labelColumn) || (id is not null && Is(column.Name, id)))
            {
                continue;
            }

            if (ignore?.Any(i => Is(column.Name, i)) == true)
            {
                ignored.Add(column.Name);
            }
            else if (column.Feature(notes) is { } feature)
            {
                features.Add(feature);
            }
            else
            {
                ignored.Add(column.Name);
            }
        }

        if (features.Count == 0)
        {
            throw new DataFormatException(path, 1, null, "no column is left as a feature (every column is the label, the id or ignored)");
        }

        var schema = new ProblemSchema
        {
            Version = ProblemSchema.CurrentVersion,
            Name = name ?? ProblemName(path),
            Description = $"Drafted by 'mlops schema infer' from {Path.GetFileName(path)} ({rows} rows): review kinds, categories, validity bounds and missing-value policies.",
            Label = new LabelDefinition { Column = labelColumn.Name, Classes = classes },
            Features = features,
            Ignored = ignored.Count == 0 ? null : ignored,
            Id = id is null ? null : columns.First(c => Is(c.Name, id)).Name,
        };
        var problem = ProblemSchemaCheck.FirstProblem(schema);
        return problem is null
            ? new InferredProblem(schema, notes, shape.Separator, rows)
            : throw new InvalidInputException($"{path}: the drafted problem is not valid: {problem}");
    }

    /// <summary>The file name as a problem name: <c>wine_data.csv</c> → <c>wine_data</c>.</summary>
    public static string ProblemName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path ?? "");
        var name = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return name.Length == 0 ? "problem" : name;
    }

    private static void Require(IReadOnlyList<string> names, string column, string path, int line, string role)
    {
        if (!names.Any(n => Is(n, column)))
        {
            throw new DataFormatException(path, line, column, $"given as {role} but missing from the header ({string.Join(", ", names.Take(12).Select(n => ProblemSchemaCheck.Short(n)))})");
        }
    }

    private static List<ClassDefinition> Classes(Column label, string path)
    {
        if (label.Distinct.Count == 0)
        {
            throw new DataFormatException(path, null, label.Name, "has no value on any row: nothing to draft the classes from");
        }

        if (label.Distinct.Count > MaxClasses)
        {
            throw new DataFormatException(path, null, label.Name, $"has more than {MaxClasses} distinct values: not a class label");
        }

        return [.. label.SortedValues().Select(v => new ClassDefinition { Value = v, Name = v.Text })];
    }

    private static bool Is(string a, string b) => a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>What one column held.</summary>
    private sealed class Column(string name)
    {
        public string Name { get; } = name;

        public HashSet<string> Distinct { get; } = new(StringComparer.Ordinal);

        public int? FirstMissingLine { get; private set; }

        public int Missing => _missing;

        private int _missing;
        private bool _allNumbers = true;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;

        public void Add(string field, int line)
        {
            if (CsvTable.IsMissing(field))
            {
                _missing++;
                FirstMissingLine ??= line;
                return;
            }

            var text = field.Trim();
            if (Distinct.Count <= Math.Max(MaxCategories, MaxClasses))
            {
                Distinct.Add(text);
            }

            if (_allNumbers && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                _min = Math.Min(_min, value);
                _max = Math.Max(_max, value);
            }
            else
            {
                _allNumbers = false;
            }
        }

        /// <summary>The values seen, numbers in numeric order, text in ordinal order.</summary>
        public IEnumerable<ColumnValue> SortedValues()
        {
            var values = Distinct.Select(v => ColumnValue.Parse(v)).DistinctBy(v => v.Text).ToList();
            return values.All(v => v.IsInteger)
                ? values.OrderBy(v => long.Parse(v.Text, CultureInfo.InvariantCulture))
                : values.OrderBy(v => v.Text, StringComparer.Ordinal);
        }

        public FeatureDefinition? Feature(List<string> notes)
        {
            var missing = _missing == 0 ? MissingValuePolicy.Reject : MissingValuePolicy.Impute;
            if (Distinct.Count == 0)
            {
                notes.Add($"'{Name}' holds only missing values: ignored");
                return null;
            }

            var binary = Distinct.All(v => ColumnValue.Parse(v).Text is "0" or "1" || bool.TryParse(v, out _));
            if (_allNumbers || binary)
            {
                return new FeatureDefinition
                {
                    Name = Name,
                    Kind = binary ? FeatureType.Binary : FeatureType.Numeric,
                    Missing = missing,
                    Observed = new ObservedValues { Min = binary ? null : _min, Max = binary ? null : _max, Missing = _missing },
                };
            }

            if (Distinct.Count > MaxCategories)
            {
                notes.Add($"'{Name}' has more than {MaxCategories} distinct text values (names, free text?): ignored; make it the --id or a categorical feature by hand");
                return null;
            }

            return new FeatureDefinition
            {
                Name = Name,
                Kind = FeatureType.Categorical,
                Categories = [.. SortedValues()],
                Missing = missing,
                Observed = new ObservedValues { Missing = _missing },
            };
        }
    }
}
