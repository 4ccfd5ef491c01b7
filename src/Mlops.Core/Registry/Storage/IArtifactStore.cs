namespace Mlops.Core.Registry.Storage;

/// <summary>
/// The seam to a shared store of registry content: files (a model folder's files, datasets) by the
/// SHA-256 of their bytes. Put, get, exists, nothing else: the registry keeps what belongs together
/// (a model folder's manifest) in its catalog, and a local, verified copy in its home folder for the
/// loaders. <see cref="PostgresArtifactStore"/> is the one implementation today; an S3-compatible
/// store (key = hash) fits the same three calls.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Where the content lives, without secrets (for messages).</summary>
    string Description { get; }

    /// <summary>True when content with this hash is stored (not read back: <see cref="Get"/> verifies).</summary>
    bool Exists(string sha256);

    /// <summary>Stores the file <paramref name="sourceFile"/>, whose content must hash to <paramref name="sha256"/>; storing it again replaces a damaged copy.</summary>
    void Put(string sha256, string sourceFile);

    /// <summary>Writes the content with this hash to the new file <paramref name="destinationFile"/>, after checking it hashes to <paramref name="sha256"/>.</summary>
    /// <exception cref="ArtifactCorruptedException">The content is missing or does not match its hash.</exception>
    void Get(string sha256, string destinationFile, string label);
}
