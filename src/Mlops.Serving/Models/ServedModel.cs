using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Serving.Endpoints;
using Mlops.Serving.Input;

namespace Mlops.Serving.Models;

/// <summary>
/// The model the service answers with right now, with everything an answer needs, prepared once: its
/// problem (from its card) and the request reader for it, the fallback rules and the training ranges
/// that send a row to them, the class names answers carry, its version and where it came from.
/// Immutable: a reload swaps the whole object, so one request never mixes two models or two problems.
/// </summary>
public sealed class ServedModel
{
    /// <summary>The version the service reports when no trained model is served.</summary>
    public const string BaselineVersion = "baseline";

    private ServedModel(
        IClassifier? model, ModelCard? card, ProblemSchema problem, IClassifier fallback, string version, string origin, long revision, DateTimeOffset since)
    {
        Model = model;
        Card = card;
        Problem = problem;
        Fallback = fallback;
        Version = version;
        Origin = origin;
        Revision = revision;
        Since = since;
        Reader = new PredictionRequestReader(problem, ImputedValues(problem, card));
        Ranges = card is null ? TrainingRanges.None : TrainingRanges.Of(card, problem);
        Classes = new AnswerClasses(problem);
    }

    /// <summary>The trained model, or null when only the fallback rules answer.</summary>
    public IClassifier? Model { get; }

    public ModelCard? Card { get; }

    /// <summary>The problem the model answers (its card's; old cards are insurance models).</summary>
    public ProblemSchema Problem { get; }

    /// <summary>Who answers when the model may not: the problem's fallback rules (<see cref="RuleModel"/>).</summary>
    public IClassifier Fallback { get; }

    /// <summary>Reads request bodies for <see cref="Problem"/>.</summary>
    public PredictionRequestReader Reader { get; }

    /// <summary>What the model saw in training, per feature: outside it the fallback answers.</summary>
    public TrainingRanges Ranges { get; }

    /// <summary>The problem's classes as answers write them.</summary>
    internal AnswerClasses Classes { get; }

    public string Version { get; }

    /// <summary>Where the model came from, e.g. "registry production", "folder models/v3", "baseline (no production model)".</summary>
    public string Origin { get; }

    /// <summary>The source's revision this model belongs to (see <see cref="IModelSource.Revision"/>).</summary>
    public long Revision { get; }

    /// <summary>When the service started to answer with this model.</summary>
    public DateTimeOffset Since { get; }

    public bool IsBaselineOnly => Model is null;

    public string Trainer => Card?.Trainer ?? BaselineVersion;

    /// <summary>
    /// A trained model with its card; the problem is the card's. <paramref name="fallback"/> answers when the
    /// model may not; by default the problem's rules (<see cref="FallbackRulesOf"/>).
    /// </summary>
    public static ServedModel Trained(IClassifier model, ModelCard card, string version, string origin, long revision, DateTimeOffset since, IClassifier? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var problem = card.ProblemOrInsurance;
        return new ServedModel(model, card, problem, fallback ?? FallbackRulesOf(problem, card), version, origin, revision, since);
    }

    /// <summary>No trained model: the rules of <paramref name="problem"/> answer every request.</summary>
    public static ServedModel BaselineOnly(string origin, long revision, DateTimeOffset since, ProblemSchema problem, IClassifier? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(null, null, problem, fallback ?? FallbackRulesOf(problem, card: null), BaselineVersion, origin, revision, since);
    }

    /// <summary>The problem's fallback rules; without an <c>otherwise</c> class, the card's most frequent training class answers when no rule does.</summary>
    public static IClassifier FallbackRulesOf(ProblemSchema problem, ModelCard? card) =>
        RuleModel.For(problem, MostFrequentClass(problem, card));

    /// <summary>The card's most frequent training class as a class index; null when the card names none (or a class the problem lacks).</summary>
    private static int? MostFrequentClass(ProblemSchema problem, ModelCard? card)
    {
        if (card?.MostFrequentClass is not { } name)
        {
            return null;
        }

        for (var i = 0; i < problem.Label.Classes.Count; i++)
        {
            if (problem.Label.Classes[i].Name == name)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Per feature, what the card's training imputed for a missing value (NaN where it names none: the classifier imputes).</summary>
    private static double[] ImputedValues(ProblemSchema problem, ModelCard? card) =>
        [.. problem.Features.Select(f => card?.Encoding?.Imputed.TryGetValue(f.Name, out var value) == true ? value : double.NaN)];
}
