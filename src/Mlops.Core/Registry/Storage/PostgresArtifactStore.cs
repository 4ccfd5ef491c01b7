using Mlops.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace Mlops.Core.Registry.Storage;

/// <summary>
/// Registry content in PostgreSQL: one <c>bytea</c> row per distinct file, keyed by its SHA-256. Models
/// here are kilobytes to megabytes (the talk's model.zip is ~10 kB), well within what <c>bytea</c>
/// carries; a store of large files would use an object store behind <see cref="IArtifactStore"/>.
/// </summary>
public sealed class PostgresArtifactStore : IArtifactStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS artifact_blobs (
            sha256 text PRIMARY KEY,
            size_bytes bigint NOT NULL,
            content bytea NOT NULL
        );
        """;

    private readonly string _connectionString;

    public PostgresArtifactStore(string connectionString, string description)
    {
        _connectionString = connectionString;
        Description = description;
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // The catalog's lock: two processes starting at once create the table once.
        Execute(connection, RegistryPostgres.WriteLock);
        Execute(connection, Create);
        transaction.Commit();
    }

    public string Description { get; }

    public bool Exists(string sha256)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM artifact_blobs WHERE sha256 = @sha)", connection);
        command.Parameters.AddWithValue("sha", sha256);
        return (bool)command.ExecuteScalar()!;
    }

    public void Put(string sha256, string sourceFile)
    {
        var content = File.ReadAllBytes(sourceFile);
        if (ContentHash.OfBytes(content) != sha256)
        {
            throw new InvalidInputException($"{sourceFile}: changed while it was being stored; store it again when it is complete");
        }

        using var connection = Open();
        using var command = new NpgsqlCommand(
            """
            INSERT INTO artifact_blobs (sha256, size_bytes, content) VALUES (@sha, @size, @content)
            ON CONFLICT (sha256) DO UPDATE SET size_bytes = excluded.size_bytes, content = excluded.content
            """,
            connection);
        command.Parameters.AddWithValue("sha", sha256);
        command.Parameters.AddWithValue("size", (long)content.Length);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
        command.ExecuteNonQuery();
    }

    public void Get(string sha256, string destinationFile, string label)
    {
        byte[] content;
        using (var connection = Open())
        using (var command = new NpgsqlCommand("SELECT content FROM artifact_blobs WHERE sha256 = @sha", connection))
        {
            command.Parameters.AddWithValue("sha", sha256);
            content = command.ExecuteScalar() as byte[]
                ?? throw new ArtifactCorruptedException($"{label}: content {ArtifactManifest.Abbreviate(sha256)}… is missing from {Description}");
        }

        var actual = ContentHash.OfBytes(content);
        if (actual != sha256)
        {
            throw new ArtifactCorruptedException(
                $"{label}: stored content has SHA-256 {ArtifactManifest.Abbreviate(actual)}… but the registry recorded {ArtifactManifest.Abbreviate(sha256)}… (corrupted in {Description})");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationFile))!);
        using var file = new FileStream(destinationFile, FileMode.CreateNew, FileAccess.Write);
        file.Write(content);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open() => RegistryPostgres.Open(_connectionString);
}
