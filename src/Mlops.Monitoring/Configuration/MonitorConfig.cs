using System.Text.Json;
using System.Text.Json.Serialization;
using Mlops.Core;
using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Problems;
using Mlops.Core.Serialization;

namespace Mlops.Monitoring.Configuration;

/// <summary>
/// The monitor's configuration file (JSON, snake_case), shaped after the <c>config.yaml</c> of Evidently's
/// monitoring service: the window, how often to recompute, and per dataset the reference file and the
/// column mapping. See <c>config/monitor.json</c> for an example.
/// </summary>
public sealed record MonitorConfig
{
    public const int DefaultWindowSize = 1500;

    public const double DefaultCalculationPeriodSeconds = 10;

    public const int DefaultHistorySize = 1000;

    /// <summary>The dataset name the seed's client posts to (<c>/iterate/insurance</c>).</summary>
    public const string InsuranceDataset = "insurance";

    /// <summary>Rows kept in each sliding window (the current data compared with the reference).</summary>
    public int WindowSize { get; init; } = DefaultWindowSize;

    /// <summary>Drift is recomputed at most this often, and whenever a whole new window of rows has arrived.</summary>
    public double CalculationPeriodSeconds { get; init; } = DefaultCalculationPeriodSeconds;

    /// <summary>How many past reports each dataset keeps for the status endpoint.</summary>
    public int HistorySize { get; init; } = DefaultHistorySize;

    public IReadOnlyDictionary<string, DatasetConfig> Datasets { get; init; } = new Dictionary<string, DatasetConfig>();

    /// <summary>Reads and checks a configuration file; relative reference paths are taken from the file's folder.</summary>
    public static MonitorConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"{path}: configuration file not found");
        }

        MonitorConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<MonitorConfig>(File.ReadAllText(path), ReadOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{path}: not a valid monitor configuration: {e.Message}");
        }

        if (config is null)
        {
            throw new InvalidInputException($"{path}: empty configuration");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        config = config with
        {
            Datasets = config.Datasets.ToDictionary(
                d => d.Key,
                d => d.Value.Resolve(folder, path)),
        };
        config.Validate(path);
        return config;
    }

    /// <summary>The configuration <c>--reference FILE</c> alone stands for: dataset <c>insurance</c> with the insurance column mapping.</summary>
    public static MonitorConfig ForReference(string reference) => new MonitorConfig().WithInsuranceReference(reference);

    /// <summary>
    /// The configuration <c>--problem FILE --reference FILE</c> stands for: one dataset named after the
    /// problem (<c>/iterate/iris</c>), its columns mapped from the problem's features.
    /// </summary>
    public static MonitorConfig ForReference(string reference, ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new MonitorConfig().WithReference(problem.Name, reference, problem);
    }

    /// <summary>This configuration with dataset <c>insurance</c> reading <paramref name="reference"/> (added with the insurance mapping if missing).</summary>
    public MonitorConfig WithInsuranceReference(string reference) => WithReference(InsuranceDataset, reference);

    /// <summary>
    /// This configuration with dataset <paramref name="dataset"/> reading <paramref name="reference"/>
    /// (added if missing), of <paramref name="problem"/> when given (else the dataset's own, or insurance).
    /// </summary>
    public MonitorConfig WithReference(string dataset, string reference, ProblemSchema? problem = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var datasets = new Dictionary<string, DatasetConfig>(Datasets);
        var updated = (datasets.TryGetValue(dataset, out var existing) ? existing : new DatasetConfig()) with { Reference = Path.GetFullPath(reference) };
        datasets[dataset] = problem is null ? updated : updated with { Schema = problem };
        return this with { Datasets = datasets };
    }

    /// <summary>Throws an <see cref="InvalidInputException"/> naming the first problem.</summary>
    public void Validate(string source = "configuration")
    {
        if (WindowSize is < 2 or > 1_000_000)
        {
            throw new InvalidInputException($"{source}: window_size must be between 2 and 1,000,000, got {WindowSize}");
        }

        if (!double.IsFinite(CalculationPeriodSeconds) || CalculationPeriodSeconds < 0)
        {
            throw new InvalidInputException($"{source}: calculation_period_seconds must be ≥ 0, got {CalculationPeriodSeconds}");
        }

        if (HistorySize < 1)
        {
            throw new InvalidInputException($"{source}: history_size must be ≥ 1, got {HistorySize}");
        }

        if (Datasets.Count == 0)
        {
            throw new InvalidInputException($"{source}: no datasets configured (give --reference FILE or a config with \"datasets\")");
        }

        foreach (var (name, dataset) in Datasets)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            {
                throw new InvalidInputException($"{source}: dataset name '{name}' may only use letters, digits, '_', '-' and '.'");
            }

            if (string.IsNullOrWhiteSpace(dataset.Reference))
            {
                throw new InvalidInputException($"{source}: dataset '{name}' has no \"reference\" file");
            }

            if (dataset.DriftShare is <= 0 or > 1)
            {
                throw new InvalidInputException($"{source}: dataset '{name}': drift_share must be in (0, 1], got {dataset.DriftShare}");
            }
        }
    }

    internal static JsonSerializerOptions ReadOptions { get; } = new(MlopsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

/// <summary>One monitored dataset: its problem, its reference file, its columns and how drift is decided.</summary>
public sealed record DatasetConfig
{
    /// <summary>The problem file of the dataset's data (see <c>mlops schema</c>); the talk's insurance problem when absent.</summary>
    public string? Problem { get; init; }

    /// <summary>The reference data file in the problem's format (',' or ';' separated, header line).</summary>
    public string? Reference { get; init; }

    /// <summary>Which columns to compare; every feature of the problem (numeric ones numerical, the others categorical) and the prediction when absent.</summary>
    public ColumnMappingConfig? ColumnMapping { get; init; }

    /// <summary>Share of drifted feature columns at which the dataset counts as drifted.</summary>
    public double DriftShare { get; init; } = DriftOptions.DefaultDriftShare;

    /// <summary>Per-column test and threshold, replacing Evidently's default choice (test names: ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div).</summary>
    public IReadOnlyDictionary<string, ColumnOverride>? Stattests { get; init; }

    /// <summary>The problem read from <see cref="Problem"/> (or given with <c>--problem</c>, or by <c>--model</c>'s card); null: insurance.</summary>
    [JsonIgnore]
    public ProblemSchema? Schema { get; init; }

    /// <summary>The dataset's problem: <see cref="Schema"/>, or the talk's insurance problem.</summary>
    [JsonIgnore]
    public ProblemSchema ProblemOrInsurance => Schema ?? ProblemSchema.Insurance;

    public ColumnMapping ToColumnMapping()
    {
        var problem = ProblemOrInsurance;
        var mapping = ColumnMapping?.ToColumnMapping(problem) ?? Core.Drift.ColumnMapping.For(problem, withPrediction: true);
        return mapping.WithOverrides(Stattests);
    }

    /// <summary>Paths taken from the configuration file's folder, and the problem file read.</summary>
    internal DatasetConfig Resolve(string folder, string source)
    {
        var problem = Problem is { } p ? Path.GetFullPath(p, folder) : null;
        return this with
        {
            Reference = Reference is { } r ? Path.GetFullPath(r, folder) : null,
            Problem = problem,
            Schema = problem is null ? Schema : ProblemSchemaFile.Load(problem),
        };
    }
}

/// <summary>Evidently's <c>column_mapping</c>: numerical and categorical features, and the prediction column.</summary>
public sealed record ColumnMappingConfig
{
    public IReadOnlyList<string> NumericalFeatures { get; init; } = [];

    public IReadOnlyList<string> CategoricalFeatures { get; init; } = [];

    /// <summary>The column with the model's prediction (a class), compared as prediction drift; null for none.</summary>
    public string? Prediction { get; init; }

    /// <summary>The label column; its reference values stand in for reference predictions when the reference has none.</summary>
    public string? Target { get; init; }

    /// <summary>The mapping of <paramref name="problem"/>'s columns: features under their names (an alias names its feature), the target the label column.</summary>
    public ColumnMapping ToColumnMapping(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string Feature(string column) => problem.FindFeature(column)?.Name
            ?? throw new InvalidInputException($"column_mapping names '{column}', which is not a feature of problem '{problem.Name}' (features: {string.Join(", ", problem.Features.Select(f => f.Name))})");
        var features = NumericalFeatures.Select(n => new DriftColumn(Feature(n), FeatureKind.Numerical))
            .Concat(CategoricalFeatures.Select(n => new DriftColumn(Feature(n), FeatureKind.Categorical)))
            .ToList();
        var duplicate = features.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException($"column '{duplicate.Key}' is listed more than once in column_mapping");
        }

        if (features.Count == 0)
        {
            throw new InvalidInputException("column_mapping lists no numerical_features or categorical_features");
        }

        var prediction = Prediction is null ? null : new DriftColumn(Prediction.Trim(), FeatureKind.Categorical);
        if (prediction is not null && features.Any(f => f.Name == prediction.Name))
        {
            throw new InvalidInputException($"column '{prediction.Name}' is both a feature and the prediction");
        }

        if (Target is not null && !Target.Trim().Equals(problem.Label.Column, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException($"column_mapping's target '{Target}' is not the label column of problem '{problem.Name}' ('{problem.Label.Column}')");
        }

        return new ColumnMapping(features, prediction, Target is null ? null : problem.Label.Column);
    }
}
