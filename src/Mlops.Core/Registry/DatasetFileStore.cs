using Mlops.Core.Data;
using Mlops.Core.Registry.Storage;

namespace Mlops.Core.Registry;

/// <summary>
/// Data files stored by content hash under <c>datasets/</c>. The file is copied first and then hashed
/// and inspected from the copy, so what is recorded is exactly what is stored, even if the original
/// changes meanwhile; the copy is renamed into place only when it was read successfully. With a
/// <paramref name="shared"/> store the file goes there too, and <c>datasets/</c> is a verified cache of it.
/// </summary>
internal sealed class DatasetFileStore(RegistryLayout layout, IArtifactStore? shared)
{
    private string PathOf(string sha256) => Path.Combine(layout.Datasets, sha256 + ".csv");

    /// <summary>Stores <paramref name="sourceFile"/>; <paramref name="inspect"/> reads the staged copy before it is kept.</summary>
    public (string Sha256, T Inspection) Store<T>(string sourceFile, Func<string, T> inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        if (!File.Exists(sourceFile))
        {
            throw new DataFormatException(sourceFile, null, null, Directory.Exists(sourceFile) ? "is a directory, expected a data file" : "file not found");
        }

        var staging = layout.NewTempPath(".csv");
        try
        {
            File.Copy(sourceFile, staging);
            var sha = ContentHash.OfFile(staging);
            var inspection = inspect(staging);
            var destination = PathOf(sha);
            if (!File.Exists(destination) || ContentHash.OfFile(destination) != sha)
            {
                // Rename is atomic; overwriting replaces a damaged copy with identical good bytes.
                File.Move(staging, destination, overwrite: true);
            }

            if (shared is not null && !shared.Exists(sha))
            {
                shared.Put(sha, destination);
            }

            return (sha, inspection);
        }
        finally
        {
            ModelArtifactStore.DeleteQuietly(staging);
        }
    }

    /// <summary>The stored file of a dataset, verified against its hash.</summary>
    public string Verified(string sha256, string label)
    {
        var path = PathOf(sha256);
        if (shared is not null && !(File.Exists(path) && ContentHash.OfFile(path) == sha256))
        {
            var staging = layout.NewTempPath(".csv");
            try
            {
                shared.Get(sha256, staging, label);
                File.Move(staging, path, overwrite: true);
            }
            finally
            {
                ModelArtifactStore.DeleteQuietly(staging);
            }
        }

        if (!File.Exists(path))
        {
            throw new ArtifactCorruptedException($"{label}: stored file {path} is missing");
        }

        var actual = ContentHash.OfFile(path);
        return actual == sha256
            ? path
            : throw new ArtifactCorruptedException($"{label}: stored file has SHA-256 {ArtifactManifest.Abbreviate(actual)}… but the registry recorded {ArtifactManifest.Abbreviate(sha256)}… (corrupted)");
    }
}
