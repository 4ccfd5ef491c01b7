using Mlops.Core.Registry.Storage;

namespace Mlops.Core.Registry;

/// <summary>
/// Model folders stored by content hash under <c>artifacts/</c>. An artifact is copied to a temp
/// folder, checked and then renamed into place, so readers see a whole model or none; once in place
/// it is never changed, so the same content is stored once however often it is registered.
/// With a <paramref name="shared"/> store (the registry on PostgreSQL) that store holds the truth —
/// every file by its hash — and <c>artifacts/</c> is this machine's cache of it: a missing or damaged
/// folder there is fetched again, verified file by file and against the manifest, before anyone loads it.
/// </summary>
internal sealed class ModelArtifactStore(RegistryLayout layout, IArtifactStore? shared)
{
    /// <summary>Stores the folder whose content is <paramref name="manifest"/>, unless an intact copy is already there; returns the local copy.</summary>
    public string Store(string sourceFolder, ArtifactManifest manifest)
    {
        var destination = StoreLocally(sourceFolder, manifest);
        if (shared is not null)
        {
            // The files go to the shared store before the catalog names them: a version never lacks its bytes.
            foreach (var file in manifest.Files.DistinctBy(f => f.Sha256).Where(f => !shared.Exists(f.Sha256)))
            {
                shared.Put(file.Sha256, Path.Combine(destination, file.Path));
            }
        }

        return destination;
    }

    /// <summary>The local folder of the artifact, every file checked against <paramref name="manifest"/> (fetched from the shared store first when needed).</summary>
    /// <exception cref="ArtifactCorruptedException">A file is missing, changed or added (locally, or in the shared store).</exception>
    public string Verified(string sha256, ArtifactManifest manifest, string label)
    {
        var path = PathOf(sha256);
        if (shared is null)
        {
            manifest.Verify(path, label);
            return path;
        }

        if (IsIntact(path, manifest))
        {
            return path;
        }

        var staging = layout.NewTempPath();
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files)
            {
                shared.Get(file.Sha256, Path.Combine(staging, file.Path), label);
            }

            manifest.Verify(staging, label);
            MoveIntoPlace(staging, path, manifest);
            return path;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private string PathOf(string sha256) => Path.Combine(layout.Artifacts, sha256);

    private string StoreLocally(string sourceFolder, ArtifactManifest manifest)
    {
        var destination = PathOf(manifest.Sha256);
        if (IsIntact(destination, manifest))
        {
            return destination;
        }

        var staging = layout.NewTempPath();
        try
        {
            CopyFolder(sourceFolder, staging);
            if (ArtifactManifest.OfFolder(staging).Sha256 != manifest.Sha256)
            {
                throw new InvalidModelFolderException($"{sourceFolder}: changed while it was being registered; register it again when it is complete");
            }

            MoveIntoPlace(staging, destination, manifest);
            return destination;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <summary>Copies a stored artifact to <paramref name="destination"/> (which must not exist), verifying every file.</summary>
    public void CheckOut(string sha256, ArtifactManifest manifest, string destination, string label)
    {
        var full = Path.GetFullPath(destination);
        if (Directory.Exists(full) || File.Exists(full))
        {
            throw new InvalidInputException($"{destination}: already exists; check out into a new folder");
        }

        var parent = Path.GetDirectoryName(full) ?? throw new InvalidInputException($"{destination}: not a folder path");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        try
        {
            var source = Verified(sha256, manifest, label);
            CopyFolder(source, staging);
            // Check the copy itself: it is what the caller will load.
            manifest.Verify(staging, label);
            Directory.Move(staging, full);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private void MoveIntoPlace(string staging, string destination, ArtifactManifest manifest)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Move(staging, destination);
                return;
            }
            catch (IOException) when (Directory.Exists(destination))
            {
                // Another process stored the same content first; keep its copy if it is whole.
                if (IsIntact(destination, manifest))
                {
                    return;
                }

                // A damaged copy (someone edited the store): move it aside and put the good one in place.
                var aside = layout.NewTempPath(".damaged");
                try
                {
                    Directory.Move(destination, aside);
                }
                catch (IOException)
                {
                    // Someone else moved it first; try again.
                }
            }
        }

        throw new IOException($"could not store artifact {manifest.Sha256} in {destination}");
    }

    private static bool IsIntact(string folder, ArtifactManifest manifest)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        try
        {
            manifest.Verify(folder, "stored artifact");
            return true;
        }
        catch (ArtifactCorruptedException)
        {
            return false;
        }
    }

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // A leftover in tmp/ is harmless; it never becomes part of the store.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
