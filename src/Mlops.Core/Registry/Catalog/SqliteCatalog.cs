using Microsoft.Data.Sqlite;

namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The SQLite catalog of the registry (the embedded default, <c>registry.db</c> in the home folder). Several processes may use it at once (the CLI, the service
/// polling for a new production model), so: WAL (readers never block the writer), a busy timeout
/// (a writer waits for another instead of failing), and every change in a <c>BEGIN IMMEDIATE</c>
/// transaction that takes the write lock before it reads — two promotions can never both see the
/// same "current production model" and both replace it.
/// </summary>
internal sealed class SqliteCatalog : RegistryCatalog
{
    private const int SchemaVersion = CatalogSchema.Version;
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _connectionString;

    public SqliteCatalog(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        EnsureSchema();
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (<c>BEGIN IMMEDIATE</c>); commits when it returns.</summary>
    public override T Write<T>(Func<CatalogSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        // Microsoft.Data.Sqlite starts a non-deferred transaction with BEGIN IMMEDIATE.
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(new CatalogSession(connection, transaction));
        transaction.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction: one consistent snapshot, never blocked by a writer (WAL).</summary>
    public override T Read<T>(Func<CatalogSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return work(new CatalogSession(connection, transaction));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureSchema()
    {
        using var connection = Open();
        if (SchemaVersionOf(connection, null) == SchemaVersion)
        {
            // The usual case: one read, no lock.
            return;
        }

        using (var wal = connection.CreateCommand())
        {
            // Persistent in the database file: set once, when the catalog is created.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        // Checked again under the write lock: another process may have created the schema meanwhile.
        var version = SchemaVersionOf(connection, transaction);
        if (version == SchemaVersion)
        {
            return;
        }

        if (version > SchemaVersion)
        {
            throw new InvalidInputException($"registry catalog {connection.DataSource} has schema version {version}; this mlops knows up to {SchemaVersion} (upgrade mlops)");
        }

        var session = new CatalogSession(connection, transaction);
        if (version < 1)
        {
            session.Execute(CatalogSchema.Version1);
        }

        // An existing catalog of version 1 migrates in place, in the same transaction: all or nothing.
        session.Execute(CatalogSchema.Version2(Problems.ProblemSchema.Insurance.Name));
        session.Execute($"PRAGMA user_version = {SchemaVersion};");
        transaction.Commit();
    }

    private static long SchemaVersionOf(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
