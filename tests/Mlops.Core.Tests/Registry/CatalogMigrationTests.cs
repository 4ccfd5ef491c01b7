using Microsoft.Data.Sqlite;
using Mlops.Core.Registry;
using Mlops.Core.Registry.Catalog;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

/// <summary>A SQLite catalog written before models per problem (schema version 1) migrates in place on first open: its models are insurance models.</summary>
public sealed class CatalogMigrationTests
{
    [Fact]
    public void A_version_1_catalog_keeps_its_models_and_production_line_as_insurance_models()
    {
        using var temp = new TemporaryDirectory("mlops-migration");
        var home = temp.File("home");
        Directory.CreateDirectory(home);
        WriteVersion1Catalog(Path.Combine(home, "registry.db"));

        var registry = ModelRegistry.Open(home, user: "alice");

        var v1 = Assert.Single(registry.List());
        Assert.Equal(("v1", "insurance", ModelStage.Production), (v1.Version, v1.Problem, v1.Stage));
        Assert.Equal(1, registry.ProductionRevision());
        Assert.Equal(1, registry.ProductionRevision("insurance"));
        Assert.Equal("v1", registry.Get("production").Version);
        Assert.Equal(2, registry.History().Count);

        var folder = RegistryFixtures.ModelFolder(temp.Path, "new", seed: 2);
        registry.Register(folder);
        registry.RecordValidation("v2", RegistryFixtures.Passing());
        var promotion = registry.Promote("v2");

        Assert.Equal(("v1", 2L), (promotion.Replaced, promotion.ProductionRevision));
        Assert.Equal(ModelStage.Archived, registry.Get("v1").Stage);
        Assert.Equal(2L, ReadUserVersion(Path.Combine(home, "registry.db")));
    }

    /// <summary>What mlops wrote before this change: version 1 tables, one promoted model.</summary>
    private static void WriteVersion1Catalog(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = CatalogSchema.Version1 + """
            INSERT INTO model_versions VALUES (1, '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'production', 3, 4200,
                '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', @card, '2024-01-01T12:00:00.0000000+00:00', 'bob');
            INSERT INTO stage_changes (version_number, action, from_stage, to_stage, reason, user_name, at, production_revision) VALUES
                (1, 'registered', NULL, 'candidate', NULL, 'bob', '2024-01-01T12:00:00.0000000+00:00', 0),
                (1, 'promoted', 'candidate', 'production', NULL, 'bob', '2024-01-01T12:05:00.0000000+00:00', 1);
            INSERT INTO production_line (version_number) VALUES (1);
            UPDATE production SET version_number = 1, revision = 1 WHERE id = 1;
            PRAGMA user_version = 1;
            """;
        command.Parameters.AddWithValue("@card", CatalogValues.Json(RegistryFixtures.Card(1)));
        command.ExecuteNonQuery();
    }

    private static long ReadUserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
