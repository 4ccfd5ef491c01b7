using Npgsql;

namespace Mlops.Testing.Postgres;

/// <summary>
/// A fresh database on the test server (<c>MLOPS_TEST_POSTGRES</c>, which <c>./test.sh</c> sets with
/// <c>scripts/start-postgres.sh</c>), dropped on dispose: other tests write to the shared one at the
/// same time, and a follower would see their rows.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MLOPS_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private ScratchDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The test server's connection string; fails the test with how to start one when it is not set.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException(
                $"{ServerVariable} is not set: run ./test.sh, which starts PostgreSQL with scripts/start-postgres.sh (eval \"$(scripts/start-postgres.sh)\" before dotnet test works too)")
            : server;
    }

    public static async Task<ScratchDatabase> CreateAsync(string? server = null)
    {
        server ??= Server();
        var name = $"mlops_scratch_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new ScratchDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>Runs one statement in this database.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
