using System.Text.Json;
using Mlops.Core.Serialization;

namespace Mlops.Core.Analysis;

/// <summary>
/// A problem's story, as data (the talk's: <c>config/insurance.story.json</c>): what a feature's drift
/// means when it moves in a direction, how to name the share of a 0/1 feature, which 0/1 features'
/// effect on the label to follow for concept drift, which classes the prediction finding names. Keyed by
/// the problem's feature and class names; a name the problem does not have is simply never told.
/// </summary>
public sealed record Story
{
    private const string InsuranceResource = "Mlops.Core.Analysis.insurance.story.json";

    public int Version { get; init; } = 1;

    /// <summary>The problem the story is about, by name.</summary>
    public required string Problem { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<DriftMeaning> DriftMeanings { get; init; } = [];

    /// <summary>Per 0/1 feature, how its share of rows is named ("drivers with a safety training").</summary>
    public IReadOnlyDictionary<string, string> ShareNames { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ConceptFeature> Concept { get; init; } = [];

    /// <summary>The classes the prediction finding names, in order; empty: all the problem's classes.</summary>
    public IReadOnlyList<string> PredictionClasses { get; init; } = [];

    /// <summary>The talk's story of the insurance problem.</summary>
    public static Story Insurance { get; } = LoadInsurance();

    /// <summary>A problem without a story: findings carry their numbers and no meanings.</summary>
    public static Story None(string problem) => new() { Problem = problem };

    /// <summary>The story of <paramref name="problem"/>: the talk's for the insurance problem, none for others.</summary>
    public static Story For(string problem) =>
        string.Equals(problem, Insurance.Problem, StringComparison.Ordinal) ? Insurance : None(problem);

    /// <summary>The meaning of <paramref name="feature"/> drifting up (+1) or down (−1); null when the story says none.</summary>
    public string? MeaningOf(string feature, int direction) =>
        DriftMeanings.FirstOrDefault(m => m.Feature == feature && m.Sign == direction)?.Meaning;

    private static Story LoadInsurance()
    {
        using var stream = typeof(Story).Assembly.GetManifestResourceStream(InsuranceResource)
            ?? throw new InvalidOperationException($"resource {InsuranceResource} is missing from {typeof(Story).Assembly.GetName().Name}");
        return JsonSerializer.Deserialize<Story>(stream, MlopsJson.Options)
            ?? throw new InvalidOperationException("config/insurance.story.json is empty");
    }

    /// <summary>What a feature's drift means in the story when it moves in <see cref="Direction"/> ("rising" or "falling").</summary>
    public sealed record DriftMeaning(string Feature, string Direction, string Meaning)
    {
        public int Sign => Direction == "rising" ? +1 : -1;
    }

    /// <summary>A 0/1 feature whose effect on the label is followed; <see cref="Meaning"/> when the effect shrinks.</summary>
    public sealed record ConceptFeature(string Feature, string What, string? Meaning = null);
}
