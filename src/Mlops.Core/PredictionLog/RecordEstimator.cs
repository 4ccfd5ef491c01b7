using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Estimation;
using Mlops.Core.Models;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The label-free estimate (CBPE) of the model's accuracy on logged inputs, as <c>performance</c> and the
/// monitor compute it: the model scores each logged input again — also those the fallback answered,
/// since the log keeps the answer's probabilities (one-hot for the fallback), not the model's — and
/// each row counts with the calibrated probability of the class the model chose. Calibrated once, by
/// <see cref="ReferenceCalibration"/> on the labeled reference, as <c>analyze</c> does: the same model
/// and reference give the same estimate in all three.
/// </summary>
public sealed class RecordEstimator
{
    private readonly ConfidenceBasedPerformanceEstimator _estimator;

    private RecordEstimator(AnalyzedModel model, ConfidenceBasedPerformanceEstimator estimator, EstimationSummary summary)
    {
        Model = model;
        _estimator = estimator;
        Calibration = summary;
    }

    /// <summary>The model that scores the inputs, with the label it is named by.</summary>
    public AnalyzedModel Model { get; }

    /// <summary>How the estimate was calibrated.</summary>
    public EstimationSummary Calibration { get; }

    /// <summary>Calibrates on the labeled reference; null (with a note) when the reference has no labels.</summary>
    public static RecordEstimator? Calibrate(AnalyzedModel model, InsuranceDataset reference, string referenceSha256, ICollection<string> notes, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var predictions = model.Model.PredictAll([.. reference.Records.Select(r => r.Features)]);
        var estimator = ReferenceCalibration.Fit(reference, referenceSha256, predictions, model.Card, seed, notes, out var summary);
        return estimator is null ? null : new RecordEstimator(model, estimator, summary!);
    }

    /// <summary>The model's own answer for one logged input.</summary>
    public RiskPrediction Score(InsuranceFeatures features) => Model.Model.Predict(features);

    /// <summary>The model's own answer for a logged row's feature vector (the insurance problem's order: training, age, emergency_braking, braking_distance, power, miles).</summary>
    public RiskPrediction Score(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Score(new InsuranceFeatures(features[0] != 0, features[1], features[2] != 0, features[3], features[4], features[5]));
    }

    /// <summary>How likely the model's answer is right, by the calibration: the row's share of the estimate.</summary>
    public double ExpectedCorrect(RiskPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return _estimator.Calibration.Calibrate(prediction)[(int)prediction.Group];
    }

    /// <summary>The estimate over these predictions of the model, with its standard error.</summary>
    public AccuracyEstimate Estimate(IReadOnlyList<RiskPrediction> predictions) => _estimator.EstimateAccuracy(predictions);
}
