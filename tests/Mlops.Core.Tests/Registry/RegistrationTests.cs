using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

public abstract class RegistrationTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void Adding_the_same_model_twice_stores_one_artifact_and_returns_the_same_version()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 1);
        var copy = RegistryFixtures.ModelFolder(Temp.Path, "copy-of-model", seed: 1);

        var first = Registry.Register(folder);
        var second = Registry.Register(folder);
        var third = Registry.Register(copy);

        Assert.False(first.AlreadyRegistered);
        Assert.True(second.AlreadyRegistered);
        Assert.True(third.AlreadyRegistered);
        Assert.Equal("v1", first.Model.Version);
        Assert.Equal("v1", second.Model.Version);
        Assert.Equal("v1", third.Model.Version);
        Assert.Single(Directory.GetDirectories(Path.Combine(Home, "artifacts")));
        Assert.Single(Registry.List());
    }

    [Fact]
    public void Different_models_get_v1_v2_in_order_and_start_as_candidates()
    {
        var v1 = Add(seed: 1);
        var v2 = Add(seed: 2);

        Assert.Equal(("v1", ModelStage.Candidate), (v1.Version, v1.Stage));
        Assert.Equal(("v2", ModelStage.Candidate), (v2.Version, v2.Stage));
        Assert.NotEqual(v1.ArtifactSha256, v2.ArtifactSha256);
        Assert.Equal(3, v1.FileCount);
        Assert.Equal("alice", v1.RegisteredBy);
        Assert.Equal(Clock.Now, v1.RegisteredAt);
        Assert.Equal(["v1", "v2"], Registry.List().Select(m => m.Version));
    }

    [Fact]
    public void The_stored_artifact_is_a_byte_for_byte_copy_of_the_folder()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 3);
        var model = Registry.Register(folder).Model;

        var loaded = Registry.Load(model.Version);

        Assert.Equal(ArtifactManifest.OfFolder(folder).Sha256, ArtifactManifest.OfFolder(loaded.Path).Sha256);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "model.zip")), File.ReadAllBytes(Path.Combine(loaded.Path, "model.zip")));
        Assert.Equal(RegistryFixtures.Card(3).TrainingDataSha256, loaded.Model.Card.TrainingDataSha256);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Home, "tmp")));
    }

    [Fact]
    public void Versions_are_found_by_name_hash_prefix_and_production_alias()
    {
        var v1 = AddValidated(seed: 1);
        Add(seed: 2);
        Registry.Promote("v1");

        Assert.Equal(1, Registry.Get("V1").Number);
        Assert.Equal(1, Registry.Get(v1.ArtifactSha256[..8].ToUpperInvariant()).Number);
        Assert.Equal(1, Registry.Get("production").Number);
        Assert.Equal(2, Registry.Get("v2").Number);
    }

    [Fact]
    public void Unknown_and_malformed_versions_are_clear_errors()
    {
        Add(seed: 1);

        var unknown = Assert.Throws<UnknownModelVersionException>(() => Registry.Get("v9"));
        Assert.Equal("v9: no such version; the registry has v1 … v1", unknown.Message);
        var malformed = Assert.Throws<UnknownModelVersionException>(() => Registry.Get("latest"));
        Assert.StartsWith("'latest' is not a version", malformed.Message, StringComparison.Ordinal);
        var noProduction = Assert.Throws<UnknownModelVersionException>(() => Registry.Get("production"));
        Assert.StartsWith("no model is in production", noProduction.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InvalidInputException>(unknown);
    }

    [Fact]
    public void A_folder_without_a_model_card_is_refused()
    {
        var folder = Temp.File("not-a-model");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "model.zip"), "x");

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("no model.json", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.List());
        Assert.Empty(Directory.GetDirectories(Path.Combine(Home, "artifacts")));
    }

    [Fact]
    public void A_broken_model_card_is_refused_with_its_path()
    {
        var folder = Temp.File("broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "model.json"), "{\"trainer\": \"LightGbm\"}");

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.StartsWith(Path.Combine(folder, "model.json") + ": not a model card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_is_found_by_the_content_of_any_copy_of_its_folder()
    {
        var model = Add(seed: 4);
        var checkout = Registry.CheckOut(model.Version, Temp.File("checked-out"));

        Assert.Equal(model.Number, Registry.FindByFolder(checkout.Path)?.Number);
        Assert.Equal(model.Number, Registry.FindByArtifact(model.ArtifactSha256.ToUpperInvariant())?.Number);
        Assert.Null(Registry.FindByFolder(RegistryFixtures.ModelFolder(Temp.Path, "other", seed: 5)));
    }

    [Fact]
    public void Reopening_the_registry_sees_everything_recorded()
    {
        AddValidated(seed: 1);
        Registry.Promote("v1");

        var reopened = ModelRegistry.Open(Location);

        Assert.Equal(ModelStage.Production, reopened.Get("v1").Stage);
        Assert.Equal(1, reopened.ProductionRevision());
    }
}

public sealed class RegistrationTestsOnSqlite() : RegistrationTests(RegistryBackend.Sqlite);

public sealed class RegistrationTestsOnPostgres() : RegistrationTests(RegistryBackend.Postgres);
