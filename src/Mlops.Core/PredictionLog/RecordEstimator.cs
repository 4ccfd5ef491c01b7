using Mlops.Core.Analysis;
using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The label-free estimate (CBPE) of the model's accuracy on logged inputs of any problem, as
/// <c>performance</c> and the monitor compute it: the model scores each logged input again — also those
/// the fallback answered, since the log keeps the answer's probabilities (one-hot for the fallback), not
/// the model's — and each row counts with the calibrated probability of the class the model chose.
/// Calibrated once, by <see cref="ReferenceCalibration"/> on the labeled reference, as <c>analyze</c>
/// does: the same model and reference give the same estimate in all three.
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

    /// <summary>The problem of the model: its features are the logged vector, its classes the labels.</summary>
    public ProblemSchema Problem => Model.Problem;

    /// <summary>How the estimate was calibrated.</summary>
    public EstimationSummary Calibration { get; }

    /// <summary>Calibrates on the labeled reference (read through the model's problem); null (with a note) when the reference has no labels.</summary>
    public static RecordEstimator? Calibrate(AnalyzedModel model, ProblemMonth reference, string referenceSha256, ICollection<string> notes, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var predictions = Training.ProblemModelTrainer.PredictAll(model.Model, reference.Data);
        var estimator = ReferenceCalibration.Fit(reference, referenceSha256, predictions, model.Card, seed, notes, out var summary);
        return estimator is null ? null : new RecordEstimator(model, estimator, summary!);
    }

    /// <summary>Reads the reference file through the model's problem and calibrates on it.</summary>
    public static RecordEstimator? Calibrate(AnalyzedModel model, string referenceFile, ICollection<string> notes, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Calibrate(model, ProblemMonth.Read(referenceFile, model.Problem, 0), Data.ContentHash.OfFile(referenceFile), notes, seed);
    }

    /// <summary>The model's own answer for a logged row's feature vector (the problem's order).</summary>
    public ClassPrediction Score(ReadOnlySpan<double> features) => Model.Model.Predict(features);

    /// <summary>How likely the model's answer is right, by the calibration: the row's share of the estimate.</summary>
    public double ExpectedCorrect(ClassPrediction prediction) => _estimator.ExpectedCorrect(prediction);

    /// <summary>The estimate over these predictions of the model, with its standard error.</summary>
    public AccuracyEstimate Estimate(IReadOnlyList<ClassPrediction> predictions) => _estimator.EstimateAccuracy(predictions);
}
