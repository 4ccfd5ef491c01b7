using System.Diagnostics;
using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

/// <summary>A model folder is its regular files: <c>registry add</c> follows no link out of it and reads no pipe.</summary>
public abstract class FolderIntegrityTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_refused_and_nothing_is_stored()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 1);
        var secret = Temp.File("secret.txt");
        File.WriteAllText(secret, "not a model");
        File.CreateSymbolicLink(Path.Combine(folder, "weights.bin"), secret);

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("weights.bin is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Contains("regular files only", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.List());
        Assert.False(Directory.Exists(Path.Combine(Home, "artifacts")) && Directory.EnumerateFileSystemEntries(Path.Combine(Home, "artifacts")).Any());
    }

    [Fact]
    public void A_linked_subfolder_is_refused()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 1);
        var elsewhere = Directory.CreateDirectory(Temp.File("elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "key"), "private");
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), elsewhere);

        var error = Assert.Throws<InvalidModelFolderException>(() => Registry.Register(folder));

        Assert.Contains("linked is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.List());
    }

    [Fact]
    public async Task A_named_pipe_is_refused_at_once_instead_of_hanging_the_hash()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "model", seed: 1);
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(folder, "weights.bin")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // A hang would end in a TimeoutException, not the refusal.
        var error = await Assert.ThrowsAsync<InvalidModelFolderException>(() => Task.Run(() => Registry.Register(folder)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("weights.bin is not a regular file", error.Message, StringComparison.Ordinal);
    }
}

public sealed class FolderIntegrityTestsOnSqlite() : FolderIntegrityTests(RegistryBackend.Sqlite);

public sealed class FolderIntegrityTestsOnPostgres() : FolderIntegrityTests(RegistryBackend.Postgres);
