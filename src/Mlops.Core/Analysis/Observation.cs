namespace Mlops.Core.Analysis;

/// <summary>One finding of the interpretation, computed from the data.</summary>
/// <param name="Topic">What it is about: a feature, "concept" or "prediction".</param>
/// <param name="Text">The finding with its numbers, for people.</param>
/// <param name="Meaning">What it means in the talk's story, when the data shows the direction the story names; else null.</param>
public sealed record Observation(string Topic, string Text, string? Meaning = null);
