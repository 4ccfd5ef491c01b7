using Npgsql;

namespace Mlops.Core.Registry.Storage;

/// <summary>What the registry's catalog and content store share in PostgreSQL: how to connect, and the one write lock.</summary>
internal static class RegistryPostgres
{
    /// <summary>
    /// The registry's write lock: transaction-scoped, keyed by the schema the tables live in (so
    /// registries in different schemas of one database never wait for each other).
    /// </summary>
    public const string WriteLock = "SELECT pg_advisory_xact_lock(hashtext('mlops.registry.' || current_schema()))";

    /// <summary>An open connection (pooled by Npgsql per connection string).</summary>
    public static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
