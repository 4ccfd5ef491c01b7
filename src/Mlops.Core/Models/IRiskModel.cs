using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>
/// Anything that predicts a risk class: the trained ML model or the talk's rule-based baseline.
/// Implementations are safe to call from many threads at once (the service shares one instance).
/// </summary>
public interface IRiskModel
{
    /// <summary>A short name for logs and reports, e.g. "baseline" or "lightgbm".</summary>
    string Name { get; }

    RiskPrediction Predict(InsuranceFeatures features);

    /// <summary>Predicts many rows at once; the default calls <see cref="Predict"/> per row.</summary>
    IReadOnlyList<RiskPrediction> PredictAll(IReadOnlyList<InsuranceFeatures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var predictions = new RiskPrediction[rows.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = Predict(rows[i]);
        }

        return predictions;
    }
}
