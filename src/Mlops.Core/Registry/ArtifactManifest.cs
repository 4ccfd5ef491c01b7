using System.Text;
using Mlops.Core.Data;

namespace Mlops.Core.Registry;

/// <summary>
/// The content of a model folder as a list of files with their SHA-256. The folder's identity,
/// <see cref="Sha256"/>, is the SHA-256 of the manifest's text, which has the layout of
/// <c>sha256sum</c> output with paths sorted — so the same bytes under the same names give the same
/// hash on any machine, whatever the file times, and <c>sha256sum -c</c> can check a copy by hand.
/// </summary>
public sealed class ArtifactManifest
{
    private ArtifactManifest(IReadOnlyList<ArtifactFile> files)
    {
        Files = files;
        Text = string.Concat(files.Select(f => $"{f.Sha256}  {f.Path}\n"));
        Sha256 = ContentHash.OfBytes(Encoding.UTF8.GetBytes(Text));
    }

    /// <summary>Every file, sorted by path (ordinal).</summary>
    public IReadOnlyList<ArtifactFile> Files { get; }

    /// <summary>The content hash of the whole folder.</summary>
    public string Sha256 { get; }

    /// <summary>One <c>sha256  path</c> line per file.</summary>
    public string Text { get; }

    public long SizeBytes => Files.Sum(f => f.SizeBytes);

    /// <summary>Hashes every file below <paramref name="folder"/> (empty folders do not count); a symbolic link or special file is refused.</summary>
    public static ArtifactManifest OfFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = ModelFolderFiles.Of(folder)
            .Select(path => new ArtifactFile(RelativePath(folder, path), ContentHash.OfFile(path), new FileInfo(path).Length))
            .ToList();
        return FromFiles(files);
    }

    /// <summary>A manifest from recorded files (the catalog's copy).</summary>
    public static ArtifactManifest FromFiles(IEnumerable<ArtifactFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new ArtifactManifest(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Checks that <paramref name="folder"/> holds exactly these files with these hashes; throws
    /// <see cref="ArtifactCorruptedException"/> naming <paramref name="label"/> and the first difference.
    /// </summary>
    public void Verify(string folder, string label)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new ArtifactCorruptedException($"{label}: artifact folder {folder} is missing");
        }

        var actual = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => RelativePath(folder, path))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (!actual.Remove(file.Path))
            {
                throw new ArtifactCorruptedException($"{label}: file {file.Path} is missing from {folder}");
            }

            var sha = ContentHash.OfFile(path);
            if (sha != file.Sha256)
            {
                throw new ArtifactCorruptedException(
                    $"{label}: {file.Path} has SHA-256 {Abbreviate(sha)}… but the registry recorded {Abbreviate(file.Sha256)}… (corrupted)");
            }
        }

        if (actual.Count > 0)
        {
            throw new ArtifactCorruptedException($"{label}: unexpected file {actual.Order(StringComparer.Ordinal).First()} in {folder}");
        }
    }

    /// <summary>The first 12 hex digits: enough to tell hashes apart in messages and tables.</summary>
    public static string Abbreviate(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return sha256.Length > 12 ? sha256[..12] : sha256;
    }

    private static string RelativePath(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
}
