using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

/// <summary>
/// With the registry on PostgreSQL the content lives there, content-addressed, and the home folder is
/// a cache: another machine (another home) gets the same verified bytes; damage in the database is
/// detected on load, never served; damage in the cache is repaired from the database.
/// </summary>
public sealed class PostgresArtifactTests() : RegistryTestBase(RegistryBackend.Postgres)
{
    [Fact]
    public void Another_machine_loads_the_same_verified_model_and_dataset_from_PostgreSQL()
    {
        var model = AddValidated(seed: 1);
        Registry.Promote("v1");
        var dataset = Registry.RegisterDataset(RepositoryPaths.SeedMonth(1)).Dataset;

        var elsewhere = ModelRegistry.Open(Location with { Home = Temp.File("other-machine") });
        var production = elsewhere.GetProduction();

        Assert.NotNull(production);
        Assert.StartsWith(Temp.File("other-machine"), production.Path, StringComparison.Ordinal);
        Assert.Equal(model.ArtifactSha256, ArtifactManifest.OfFolder(production.Path).Sha256);
        Assert.Equal(File.ReadAllBytes(RepositoryPaths.SeedMonth(1)), File.ReadAllBytes(elsewhere.DatasetPath(dataset.Sha256)));
    }

    [Fact]
    public void A_damaged_local_copy_is_fetched_again_from_PostgreSQL()
    {
        var model = Add(seed: 1);
        ArtifactManifestTests.Flip(Path.Combine(Home, "artifacts", model.ArtifactSha256, "model.zip"), 10);

        var loaded = Registry.Load("v1");

        Assert.Equal(model.ArtifactSha256, ArtifactManifest.OfFolder(loaded.Path).Sha256);
    }

    [Fact]
    public void Content_damaged_in_PostgreSQL_is_detected_on_load_and_never_promoted()
    {
        AddValidated(seed: 1);
        Assert.Equal(1, Postgres.ExecuteInSchema("UPDATE artifact_blobs SET content = content || '\\x00'::bytea WHERE size_bytes = 4096"));
        var elsewhere = ModelRegistry.Open(Location with { Home = Temp.File("other-machine") });

        var error = Assert.Throws<ArtifactCorruptedException>(() => elsewhere.Load("v1"));
        Assert.Matches(@"^v1 \(artifact [0-9a-f]{12}\): stored content has SHA-256 [0-9a-f]{12}… but the registry recorded [0-9a-f]{12}… \(corrupted in postgres:", error.Message);
        Assert.Throws<ArtifactCorruptedException>(() => elsewhere.Promote("v1"));
        Assert.Null(elsewhere.GetProduction());
        Assert.False(Directory.Exists(Path.Combine(Temp.File("other-machine"), "artifacts", Registry.Get("v1").ArtifactSha256)));
    }

    [Fact]
    public void Content_missing_from_PostgreSQL_is_detected_on_load()
    {
        Add(seed: 1);
        Postgres.ExecuteInSchema("DELETE FROM artifact_blobs WHERE size_bytes = 4096");

        var error = Assert.Throws<ArtifactCorruptedException>(() => ModelRegistry.Open(Location with { Home = Temp.File("other-machine") }).Load("v1"));

        Assert.Contains("is missing from postgres:", error.Message, StringComparison.Ordinal);
    }
}
