using Mlops.Core.Registry.Catalog;
using Mlops.Core.Registry.Storage;
using Npgsql;

namespace Mlops.Core.Registry;

/// <summary>
/// Where the registry lives: the one place that reads <c>MLOPS_REGISTRY</c>. Unset (the embedded
/// default): the SQLite catalog and the files under the home folder, as always. <c>postgres:CONNECTION-STRING</c>:
/// the catalog and the content (model files, datasets) in PostgreSQL, shared by every machine that
/// names it; the home folder then holds only this machine's verified cache of the content.
/// </summary>
/// <param name="Home">The home folder (<see cref="RegistryHome"/>): the whole registry, or the local cache of a PostgreSQL one.</param>
/// <param name="Postgres">The Npgsql connection string of a PostgreSQL registry, or null.</param>
public sealed record RegistryLocation(string Home, string? Postgres = null)
{
    /// <summary>The environment variable that puts the registry in PostgreSQL: <c>postgres:CONNECTION-STRING</c>.</summary>
    public const string EnvironmentVariable = "MLOPS_REGISTRY";

    /// <summary>The registry named by <c>$MLOPS_REGISTRY</c> and <c>$MLOPS_HOME</c>.</summary>
    /// <exception cref="InvalidInputException"><c>MLOPS_REGISTRY</c> is not <c>postgres:CONNECTION-STRING</c> or <c>sqlite</c>.</exception>
    public static RegistryLocation Resolve() => In(RegistryHome.Resolve());

    /// <summary>The registry named by <c>$MLOPS_REGISTRY</c>, with <paramref name="home"/> as its home folder.</summary>
    public static RegistryLocation In(string home) => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable), home);

    /// <summary>Reads <paramref name="text"/> as <c>MLOPS_REGISTRY</c> would be: empty or <c>sqlite</c>, or <c>postgres:CONNECTION-STRING</c>.</summary>
    public static RegistryLocation Parse(string? text, string home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new RegistryLocation(Path.GetFullPath(home));
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? value : value[..colon].Trim();
        if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException($"{EnvironmentVariable}='{Excerpt(value)}': expected postgres:CONNECTION-STRING, or unset for the SQLite registry in {RegistryHome.EnvironmentVariable}");
        }

        var connection = colon < 0 ? "" : value[(colon + 1)..].Trim();
        if (connection.Length == 0)
        {
            throw new InvalidInputException($"{EnvironmentVariable}: postgres: needs a connection string (e.g. postgres:Host=db;Database=mlops;Username=mlops)");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connection);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"{EnvironmentVariable}: invalid PostgreSQL connection string: {e.Message}", e);
        }

        return new RegistryLocation(Path.GetFullPath(home), connection);
    }

    /// <summary>
    /// True when there is a registry to look versions up in without creating one: the SQLite home
    /// folder exists, or the registry is in PostgreSQL (opening it there creates no files).
    /// </summary>
    public bool Exists => Postgres is not null || Directory.Exists(Home);

    /// <summary>
    /// True when a registry has been created here: its SQLite catalog exists, or it is in PostgreSQL. The
    /// home folder alone may hold only a prediction log; opening it would create an empty catalog.
    /// </summary>
    public bool HasCatalog => Postgres is not null || File.Exists(new RegistryLayout(Home).Catalog);

    /// <summary>Without secrets: a PostgreSQL password never reaches a message.</summary>
    public override string ToString()
    {
        if (Postgres is null)
        {
            return Home;
        }

        var builder = new NpgsqlConnectionStringBuilder(Postgres);
        return $"postgres:{builder.Host}:{builder.Port}/{builder.Database}";
    }

    internal (RegistryCatalog Catalog, IArtifactStore? Shared) OpenStores(RegistryLayout layout)
    {
        if (Postgres is null)
        {
            return (new SqliteCatalog(layout.Catalog), null);
        }

        try
        {
            return (new PostgresCatalog(Postgres), new PostgresArtifactStore(Postgres, ToString()));
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidInputException($"registry: cannot open {this}: {e.Message}", e);
        }
    }

    private static string Excerpt(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
