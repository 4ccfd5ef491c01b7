using Mlops.Core.Models;

namespace Mlops.Core.Analysis;

/// <summary>The model whose predictions an analysis looks at, of any problem.</summary>
/// <param name="Label">How the report names it, e.g. "v3 (production)" or a folder.</param>
/// <param name="Model">The predictor over its problem's feature vector.</param>
/// <param name="Card">Its card: the problem, training ranges, training data hash, split seed.</param>
public sealed record AnalyzedModel(string Label, IClassifier Model, ModelCard Card)
{
    /// <summary>The problem the model reads and predicts (the card's; the talk's insurance problem on old cards).</summary>
    public Problems.ProblemSchema Problem => Card.ProblemOrInsurance;

    /// <summary>A trained model, named as the report names it.</summary>
    public static AnalyzedModel Of(string label, TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AnalyzedModel(label, model.Classifier, model.Card);
    }
}
