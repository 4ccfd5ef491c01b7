using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Serving.Tests.Service;

/// <summary>What the trained model itself says, loaded in the test process, to check the service's answers against.</summary>
internal sealed class ServedModelFacts : IDisposable
{
    private readonly TrainedModel _model;

    public ServedModelFacts(string folder)
    {
        _model = ModelDirectory.Load(folder);
    }

    public ModelCard Card => _model.Card;

    public ClassPrediction Predict(InsuranceFeatures features) => _model.Classifier.Predict(TalkCustomers.Vector(features));

    public bool InRange(InsuranceFeatures features) =>
        Feature.All.All(f => !Card.FeatureRanges.TryGetValue(f.Name, out var range) || range.Contains(f.ValueOf(features)));

    /// <summary>Reference customers inside every training range whose top probability is in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public IEnumerable<InsuranceFeatures> Customers(double min, double max) =>
        TrainedModels.ReferenceRows.Select(r => r.Features).Where(f => InRange(f) && Predict(f).Certainty >= min && Predict(f).Certainty < max);

    public void Dispose() => _model.Dispose();
}
