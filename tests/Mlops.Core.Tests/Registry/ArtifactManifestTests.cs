using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

public sealed class ArtifactManifestTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-manifest");

    [Fact]
    public void Same_content_in_two_places_has_the_same_hash()
    {
        var a = RegistryFixtures.ModelFolder(_temp.Path, "a", seed: 1);
        var b = RegistryFixtures.ModelFolder(_temp.Path, "b", seed: 1);
        File.SetLastWriteTimeUtc(Path.Combine(b, "model.zip"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(ArtifactManifest.OfFolder(a).Sha256, ArtifactManifest.OfFolder(b).Sha256);
    }

    [Fact]
    public void Manifest_lists_files_sorted_in_sha256sum_layout()
    {
        var folder = RegistryFixtures.ModelFolder(_temp.Path, "m", seed: 2);

        var manifest = ArtifactManifest.OfFolder(folder);

        Assert.Equal(["extra/notes.txt", "model.json", "model.zip"], manifest.Files.Select(f => f.Path));
        var zip = manifest.Files.Single(f => f.Path == "model.zip");
        Assert.Equal(Mlops.Core.Data.ContentHash.OfFile(Path.Combine(folder, "model.zip")), zip.Sha256);
        Assert.Equal(4096, zip.SizeBytes);
        Assert.Contains($"{zip.Sha256}  model.zip\n", manifest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_file_changes_the_hash()
    {
        var folder = RegistryFixtures.ModelFolder(_temp.Path, "m", seed: 3);
        var before = ArtifactManifest.OfFolder(folder).Sha256;

        File.Move(Path.Combine(folder, "model.zip"), Path.Combine(folder, "model2.zip"));

        Assert.NotEqual(before, ArtifactManifest.OfFolder(folder).Sha256);
    }

    [Fact]
    public void Verify_names_a_changed_file()
    {
        var folder = RegistryFixtures.ModelFolder(_temp.Path, "m", seed: 4);
        var manifest = ArtifactManifest.OfFolder(folder);
        Flip(Path.Combine(folder, "model.zip"), 100);

        var error = Assert.Throws<ArtifactCorruptedException>(() => manifest.Verify(folder, "v7"));

        Assert.StartsWith("v7: model.zip has SHA-256 ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(corrupted)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_names_a_missing_and_an_added_file()
    {
        var folder = RegistryFixtures.ModelFolder(_temp.Path, "m", seed: 5);
        var manifest = ArtifactManifest.OfFolder(folder);

        File.Delete(Path.Combine(folder, "extra", "notes.txt"));
        var missing = Assert.Throws<ArtifactCorruptedException>(() => manifest.Verify(folder, "v1"));
        Assert.Contains("file extra/notes.txt is missing", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "extra", "notes.txt"), "model 5\n");
        manifest.Verify(folder, "v1");
        File.WriteAllText(Path.Combine(folder, "intruder.bin"), "x");
        var added = Assert.Throws<ArtifactCorruptedException>(() => manifest.Verify(folder, "v1"));
        Assert.Contains("unexpected file intruder.bin", added.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    internal static void Flip(string file, int offset)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[offset] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
    }
}
