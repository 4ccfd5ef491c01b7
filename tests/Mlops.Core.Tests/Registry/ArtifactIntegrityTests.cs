using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

/// <summary>The files of the embedded registry are the store itself: damage there is detected, never served (PostgreSQL: <see cref="PostgresArtifactTests"/>).</summary>
public sealed class ArtifactIntegrityTests : RegistryTestBase
{
    [Fact]
    public void A_corrupted_artifact_is_detected_on_load_with_a_one_line_error()
    {
        var model = Add(seed: 1);
        ArtifactManifestTests.Flip(Path.Combine(Home, "artifacts", model.ArtifactSha256, "model.zip"), 10);

        var error = Assert.Throws<ArtifactCorruptedException>(() => Registry.Load("v1"));

        Assert.IsAssignableFrom<InvalidInputException>(error);
        Assert.Matches(@"^v1 \(artifact [0-9a-f]{12}\): model\.zip has SHA-256 [0-9a-f]{12}… but the registry recorded [0-9a-f]{12}… \(corrupted\)$", error.Message);
    }

    [Fact]
    public void A_missing_file_is_detected_on_load()
    {
        var model = Add(seed: 1);
        File.Delete(Path.Combine(Home, "artifacts", model.ArtifactSha256, "model.zip"));

        var error = Assert.Throws<ArtifactCorruptedException>(() => Registry.Load("v1"));

        Assert.Contains("file model.zip is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_artifact_is_neither_checked_out_nor_promoted_nor_served()
    {
        var model = AddValidated(seed: 1);
        Registry.Promote("v1");
        ArtifactManifestTests.Flip(Path.Combine(Home, "artifacts", model.ArtifactSha256, "model.json"), 3);
        AddValidated(seed: 2);
        Registry.Promote("v2");

        Assert.Throws<ArtifactCorruptedException>(() => Registry.CheckOut("v1", Temp.File("out")));
        Assert.False(Directory.Exists(Temp.File("out")));
        Assert.Throws<ArtifactCorruptedException>(() => Registry.Rollback());
        Assert.Equal("v2", Registry.GetProduction()?.Model.Version);
    }

    [Fact]
    public void Registering_the_same_content_again_repairs_a_damaged_stored_copy()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 3);
        var model = Registry.Register(folder).Model;
        ArtifactManifestTests.Flip(Path.Combine(Home, "artifacts", model.ArtifactSha256, "model.zip"), 0);

        var again = Registry.Register(folder);

        Assert.True(again.AlreadyRegistered);
        Assert.Equal(model.ArtifactSha256, ArtifactManifest.OfFolder(Registry.Load("v1").Path).Sha256);
    }

    [Fact]
    public void Check_out_copies_a_verified_artifact_into_a_new_folder_only()
    {
        var model = Add(seed: 4);
        var target = Temp.File("deploy/current");

        var checkout = Registry.CheckOut("v1", target);

        Assert.Equal(model.ArtifactSha256, ArtifactManifest.OfFolder(checkout.Path).Sha256);
        Assert.Single(Directory.GetFileSystemEntries(Temp.File("deploy")));
        var exists = Assert.Throws<InvalidInputException>(() => Registry.CheckOut("v1", target));
        Assert.Contains("already exists", exists.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_stored_dataset_is_detected()
    {
        var sha = Registry.RegisterDataset(RepositoryPaths.SeedMonth(1)).Dataset.Sha256;
        File.AppendAllText(Path.Combine(Home, "datasets", sha + ".csv"), "0;30;0;40;100;20;1.5;1\n");

        var error = Assert.Throws<ArtifactCorruptedException>(() => Registry.DatasetPath(sha));

        Assert.StartsWith("dataset month-1.csv", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(corrupted)", error.Message, StringComparison.Ordinal);
    }
}
