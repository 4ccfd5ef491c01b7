namespace Mlops.Core.Registry;

/// <summary>A stored artifact (model folder or dataset) no longer matches the SHA-256 the registry recorded: a file changed, is missing or was added. Detected on load, never served.</summary>
public sealed class ArtifactCorruptedException : InvalidInputException
{
    public ArtifactCorruptedException()
    {
    }

    public ArtifactCorruptedException(string message)
        : base(message)
    {
    }

    public ArtifactCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
