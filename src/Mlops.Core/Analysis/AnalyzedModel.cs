using Mlops.Core.Models;

namespace Mlops.Core.Analysis;

/// <summary>The model whose predictions an analysis looks at.</summary>
/// <param name="Label">How the report names it, e.g. "v3 (production)" or a folder.</param>
/// <param name="Model">The predictor.</param>
/// <param name="Card">Its card: training ranges, training data hash, split seed.</param>
public sealed record AnalyzedModel(string Label, IRiskModel Model, ModelCard Card);
