using Mlops.Core.Monitoring;
using Mlops.Core.Problems;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log's columns for one problem, in table order: the fixed ones (<c>id</c>,
/// <c>logged_at</c>, <c>model_version</c>, <c>source</c>, <c>category</c>), one probability column per
/// class (<c>p_&lt;class name&gt;</c>), one column per feature under the problem's name, then the keys
/// <c>prediction_id</c> and <see cref="ClientKey"/>. For the talk's problem this is exactly the table
/// every log written before already has (<c>p_high</c>, <c>p_medium</c>, <c>p_low</c>, the six
/// features), so those files keep working. Both databases and the Parquet archive take their types
/// from here; identifiers are quoted, since a problem's names are the user's.
/// </summary>
public sealed class PredictionLogColumns
{
    private static readonly string[] Fixed = ["id", "logged_at", "model_version", "source", "category"];

    private PredictionLogColumns(ProblemSchema problem)
    {
        Problem = problem;
        Classes = [.. problem.Label.Classes.Select(c => MonitorRowFields.Probability(c.Name))];
        Features = [.. problem.Features];
        List<LogColumn> all =
        [
            new("id", LogColumnKind.Id, Nullable: false),
            new("logged_at", LogColumnKind.Time, Nullable: false),
            new("model_version", LogColumnKind.Text, Nullable: false),
            new("source", LogColumnKind.Text, Nullable: false),
            new("category", LogColumnKind.Class, Nullable: false),
            .. Classes.Select(c => new LogColumn(c, LogColumnKind.Probability, Nullable: false)),
            .. Features.Select(f => new LogColumn(f.Name, Kind(f.Kind), Nullable: f.Missing == MissingValuePolicy.Impute)),
            new("prediction_id", LogColumnKind.PredictionId, Nullable: true),
            new(ClientKey.Name, LogColumnKind.Text, Nullable: true),
        ];
        var clash = all.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidInputException($"problem '{problem.Name}': the prediction log would have two columns '{clash.Key}' (a feature or class named like one of {string.Join(", ", Fixed)}, prediction_id, {ClientKey.Name}, p_<class>)");
        }

        All = all;
        Names = [.. all.Select(c => c.Name)];
        FirstProbability = Fixed.Length;
        FirstFeature = FirstProbability + Classes.Count;
        PredictionId = FirstFeature + Features.Count;
        RequestId = PredictionId + 1;
    }

    /// <summary>The talk's problem: today's table.</summary>
    public static PredictionLogColumns Insurance { get; } = new(ProblemSchema.Insurance);

    /// <summary>The columns of <paramref name="problem"/>'s log; null gives the talk's.</summary>
    public static PredictionLogColumns For(ProblemSchema? problem) =>
        problem is null || ReferenceEquals(problem, ProblemSchema.Insurance) ? Insurance : new PredictionLogColumns(problem);

    public ProblemSchema Problem { get; }

    /// <summary>Every column in table order.</summary>
    public IReadOnlyList<LogColumn> All { get; }

    /// <summary>Every column's name in table order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The probability columns, in the problem's class order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The features, in the problem's order (the feature vector's).</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>Ordinal of the first probability column.</summary>
    public int FirstProbability { get; }

    /// <summary>Ordinal of the first feature column.</summary>
    public int FirstFeature { get; }

    /// <summary>Ordinal of <c>prediction_id</c>.</summary>
    public int PredictionId { get; }

    /// <summary>Ordinal of <see cref="ClientKey.Name"/>.</summary>
    public int RequestId { get; }

    /// <summary>The columns an insert names: all but the id, which the database assigns.</summary>
    public IReadOnlyList<LogColumn> Inserted => [.. All.Skip(1)];

    /// <summary>The quoted names of <see cref="Inserted"/>, for an INSERT or a COPY.</summary>
    public string InsertList => string.Join(", ", Inserted.Select(c => Quote(c.Name)));

    /// <summary>The quoted column list, optionally with a table alias (<c>p."age"</c>).</summary>
    public string SelectList(string? alias = null) => string.Join(", ", All.Select(c => (alias is null ? "" : alias + ".") + Quote(c.Name)));

    /// <summary>SQLite's table: times as fixed-width ISO 8601 text in UTC, so text order is time order.</summary>
    public string CreateSqlite => Create(c => c.SqliteType);

    public string CreatePostgres => $"""
        {Create(c => c.PostgresType)};
        ALTER TABLE {PredictionLogSchema.Table} ADD COLUMN IF NOT EXISTS prediction_id UUID;
        ALTER TABLE {PredictionLogSchema.Table} ADD COLUMN IF NOT EXISTS {ClientKey.Name} TEXT;
        ALTER TABLE {PredictionLogSchema.Table} ADD COLUMN IF NOT EXISTS {PredictionLogSchema.WriterTransactionColumn} BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
        CREATE INDEX IF NOT EXISTS {PredictionLogSchema.Table}_follow ON {PredictionLogSchema.Table} ({PredictionLogSchema.WriterTransactionColumn}, id);
        {PredictionLogSchema.Indexes}
        """;

    /// <summary>An identifier as both databases read it whatever its characters.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private string Create(Func<LogColumn, string> type) =>
        $"CREATE TABLE IF NOT EXISTS {PredictionLogSchema.Table} (\n    " +
        string.Join(",\n    ", All.Select(c => $"{Quote(c.Name)} {type(c)}")) +
        "\n)";

    private static LogColumnKind Kind(FeatureType kind) => kind switch
    {
        FeatureType.Numeric => LogColumnKind.Number,
        FeatureType.Binary => LogColumnKind.Flag,
        FeatureType.Categorical => LogColumnKind.CategoryIndex,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown feature kind"),
    };
}

/// <summary>What a prediction-log column holds, which gives its type in each database and in Parquet.</summary>
public enum LogColumnKind
{
    Id,
    Time,
    Text,
    Class,
    Probability,
    Number,
    Flag,
    CategoryIndex,
    PredictionId,
}

/// <summary>One column of the prediction log.</summary>
public sealed record LogColumn(string Name, LogColumnKind Kind, bool Nullable)
{
    public string SqliteType => Kind switch
    {
        LogColumnKind.Id => "INTEGER PRIMARY KEY AUTOINCREMENT",
        LogColumnKind.Time or LogColumnKind.Text or LogColumnKind.PredictionId => "TEXT",
        LogColumnKind.Class or LogColumnKind.Flag or LogColumnKind.CategoryIndex => "INTEGER",
        _ => "REAL",
    } + NotNull;

    public string PostgresType => Kind switch
    {
        LogColumnKind.Id => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        LogColumnKind.Time => "TIMESTAMPTZ",
        LogColumnKind.Text => "TEXT",
        LogColumnKind.PredictionId => "UUID",
        LogColumnKind.Class or LogColumnKind.Flag => "SMALLINT",
        LogColumnKind.CategoryIndex => "INTEGER",
        _ => "DOUBLE PRECISION",
    } + NotNull;

    /// <summary>Whole numbers (a class, a flag, a category's index) rather than doubles.</summary>
    public bool IsInteger => Kind is LogColumnKind.Class or LogColumnKind.Flag or LogColumnKind.CategoryIndex;

    private string NotNull => Nullable || Kind == LogColumnKind.Id ? "" : " NOT NULL";
}
