using System.Data;
using Mlops.Core.Registry.Storage;
using Npgsql;

namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The catalog in PostgreSQL, for replicas on several machines (SQLite's WAL is not safe on a
/// network file system). The same rules as <see cref="SqliteCatalog"/>, kept the same way:
/// <list type="bullet">
/// <item>Every write transaction first takes one transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>), PostgreSQL's counterpart of SQLite's <c>BEGIN IMMEDIATE</c>: writers
/// run one after another, and each reads (in READ COMMITTED, a fresh snapshot per statement, taken
/// after the lock) everything its predecessors committed. So two promotions can never both see the
/// same production model and both replace it, and a version number or history sequence computed as
/// <c>MAX + 1</c> is gap-free: no identity sequence is consumed by a transaction that later rolls back.</item>
/// <item>The constraints stay as the backstop: one production model per problem (a partial unique
/// index), unique artifact hashes, version numbers as the primary key.</item>
/// <item>Reads run in REPEATABLE READ: one snapshot for the whole read, never blocked by the writer.</item>
/// </list>
/// The lock's key is derived from the schema the tables live in, so registries in different schemas
/// of one database do not wait for each other.
/// </summary>
internal sealed class PostgresCatalog : RegistryCatalog
{
    private readonly string _connectionString;

    public PostgresCatalog(string connectionString)
    {
        _connectionString = connectionString;
        EnsureSchema();
    }

    public override T Write<T>(Func<CatalogSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var session = new CatalogSession(connection, transaction);
        session.Execute(RegistryPostgres.WriteLock);
        var result = work(session);
        transaction.Commit();
        return result;
    }

    public override T Read<T>(Func<CatalogSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        return work(new CatalogSession(connection, transaction));
    }

    private NpgsqlConnection Open() => RegistryPostgres.Open(_connectionString);

    private void EnsureSchema() => Write(session =>
    {
        // Under the write lock: two processes starting at once create the tables once.
        var exists = session.Scalar<bool>("SELECT to_regclass('registry_schema') IS NOT NULL");
        var version = exists ? session.Scalar<long?>("SELECT MAX(version) FROM registry_schema") ?? 0 : 0;
        if (version > CatalogSchema.Version)
        {
            throw new InvalidInputException($"registry catalog in PostgreSQL has schema version {version}; this mlops knows up to {CatalogSchema.Version} (upgrade mlops)");
        }

        if (version < CatalogSchema.Version)
        {
            session.Execute(PostgresCatalogSchema.Create);
            session.Execute("INSERT INTO registry_schema (version) VALUES (@version)", ("@version", CatalogSchema.Version));
        }

        return version;
    });
}
