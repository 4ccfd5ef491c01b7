using Npgsql;

namespace Mlops.Testing;

/// <summary>
/// A fresh schema in the test PostgreSQL (<c>MLOPS_TEST_POSTGRES</c>, started by <c>test.sh</c> with
/// <c>scripts/start-postgres.sh</c>), dropped on dispose: a test sees an empty database of its own
/// while tests run in parallel. A missing PostgreSQL fails the test; it never skips it.
/// </summary>
public sealed class PostgresScratchSchema : IDisposable
{
    public const string Variable = "MLOPS_TEST_POSTGRES";

    private readonly string _server;

    public PostgresScratchSchema()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        _server = string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, or eval \"$(scripts/start-postgres.sh)\" first")
            : server;
        Name = "t_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE SCHEMA {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Name }.ConnectionString;
    }

    /// <summary>The schema's name.</summary>
    public string Name { get; }

    /// <summary>The server's connection string with the schema as its search path: unqualified tables land in it.</summary>
    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="sql"/> in the schema (a test reaching past the code under test, e.g. to damage a row).</summary>
    public int ExecuteInSchema(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
