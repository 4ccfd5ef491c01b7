namespace Mlops.Core.PredictionLog;

/// <summary>Which database holds the prediction log.</summary>
public enum PredictionLogKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the prediction log goes, as the user writes it: <c>sqlite:PATH</c> or
/// <c>postgres:CONNECTION-STRING</c> (e.g. <c>postgres:Host=localhost;Database=mlops;Username=mlops</c>).
/// </summary>
public sealed record PredictionLogTarget(PredictionLogKind Kind, string Location)
{
    /// <summary>The file name of the default log inside <c>$MLOPS_HOME</c>.</summary>
    public const string DefaultFileName = "predictions.db";

    public static PredictionLogTarget DefaultIn(string mlopsHome) => new(PredictionLogKind.Sqlite, Path.Combine(mlopsHome, DefaultFileName));

    public static PredictionLogTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var location = colon < 0 ? "" : text[(colon + 1)..].Trim();
        var kind = scheme switch
        {
            "sqlite" => PredictionLogKind.Sqlite,
            "postgres" or "postgresql" => PredictionLogKind.Postgres,
            _ => throw new InvalidPredictionLogTargetException(
                $"prediction log '{text}': expected sqlite:PATH or postgres:CONNECTION-STRING"),
        };
        if (location.Length == 0)
        {
            throw new InvalidPredictionLogTargetException(
                kind == PredictionLogKind.Sqlite ? "prediction log: sqlite: needs a file path" : "prediction log: postgres: needs a connection string");
        }

        return new PredictionLogTarget(kind, location);
    }

    /// <summary>Opens the log, creating its table if missing.</summary>
    /// <param name="syncEveryCommit">SQLite only: <c>synchronous=FULL</c>, commits survive a power loss (PostgreSQL's own setting, <c>synchronous_commit</c>, decides there).</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public Task<IPredictionLog> OpenAsync(bool syncEveryCommit = false, CancellationToken cancellationToken = default) =>
        OpenAsync(PredictionLogColumns.Insurance, syncEveryCommit, cancellationToken);

    /// <summary>Opens the log of <paramref name="columns"/>' problem, creating its table if missing.</summary>
    public async Task<IPredictionLog> OpenAsync(PredictionLogColumns columns, bool syncEveryCommit = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (Kind == PredictionLogKind.Postgres)
        {
            return await PostgresPredictionLog.OpenAsync(Location, columns, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return SqlitePredictionLog.Open(Location, syncEveryCommit, columns);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidPredictionLogTargetException($"prediction log: cannot open sqlite:{Location}: {e.Message}", e);
        }
    }

    /// <summary>Opens a log that must already be there (an archive command on a mistyped path must not create an empty log): a missing SQLite file is bad input.</summary>
    public Task<IPredictionLog> OpenExistingAsync(CancellationToken cancellationToken = default) =>
        Kind == PredictionLogKind.Sqlite && !File.Exists(Location)
            ? throw new InvalidPredictionLogTargetException($"prediction log {this}: no such file")
            : OpenAsync(cancellationToken: cancellationToken);

    /// <summary>Without secrets: a PostgreSQL password never reaches a log line or the health answer.</summary>
    public override string ToString() => Kind == PredictionLogKind.Sqlite ? "sqlite:" + Path.GetFullPath(Location) : "postgres:" + Redacted(Location);

    private static string Redacted(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(invalid connection string)";
        }
    }
}
