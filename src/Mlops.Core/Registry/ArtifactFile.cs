namespace Mlops.Core.Registry;

/// <summary>One file of a stored artifact: its path inside the folder ('/'-separated), SHA-256 and size.</summary>
public sealed record ArtifactFile(string Path, string Sha256, long SizeBytes);
