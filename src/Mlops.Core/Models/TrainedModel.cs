using Mlops.Core.Training;

namespace Mlops.Core.Models;

/// <summary>
/// A trained model with its card: what <c>mlops train</c> writes and every later step loads
/// (see <see cref="ModelDirectory"/>).
/// </summary>
public sealed class TrainedModel(MlNetRiskModel model, ModelCard card) : IDisposable
{
    /// <summary>The predictor; thread-safe, share one instance.</summary>
    public MlNetRiskModel Model { get; } = model;

    public ModelCard Card { get; } = card;

    public void Dispose() => Model.Dispose();
}
