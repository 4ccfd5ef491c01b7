namespace Mlops.Core.Retraining;

/// <summary>What <c>mlops retrain</c> is asked to do.</summary>
public sealed record RetrainingRequest
{
    /// <summary>The newly labeled data (e.g. month 12, two years later).</summary>
    public required string DataFile { get; init; }

    /// <summary>Folder to write the candidate model into.</summary>
    public required string CandidateFolder { get; init; }

    /// <summary>Train on this reference data and the new data together (the talk's "train on more data").</summary>
    public string? WithReferenceFile { get; init; }

    /// <summary>Features the candidate ignores; null keeps the production model's choice.</summary>
    public IReadOnlyList<string>? DropFeatures { get; init; }

    /// <summary>Register the training data and the candidate, and record its validation.</summary>
    public bool Register { get; init; }

    /// <summary>Promote the candidate through the registry's gate when every invariant holds (implies <see cref="Register"/>).</summary>
    public bool PromoteIfValid { get; init; }
}
