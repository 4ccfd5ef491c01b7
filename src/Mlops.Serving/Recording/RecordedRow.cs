using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Serving.Fallback;
using Mlops.Serving.Input;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving.Recording;

/// <summary>
/// THE SEAM where an answer becomes the prediction log's row and the monitor's row. Both still hold the
/// talk's typed insurance row (<see cref="LoggedPrediction"/>, <c>MonitorForwarder.Enqueue</c>) until
/// the log and the wire take their columns from the problem; then this class builds that generic row
/// from the feature vector and the class index instead, and <see cref="Records"/> is true for every problem.
/// Until then a model of another problem is answered but neither logged nor forwarded (the service warns at start).
/// </summary>
public static class RecordedRow
{
    /// <summary>True when answers for <paramref name="problem"/> can be logged and forwarded: its rows are the insurance rows.</summary>
    public static bool Records(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var insurance = ProblemSchema.Insurance;
        return ReferenceEquals(problem, insurance)
            || (problem.Features.Select(f => f.Name).SequenceEqual(insurance.Features.Select(f => f.Name), StringComparer.Ordinal)
                && problem.Label.Classes.Select(c => c.Value.Text).SequenceEqual(insurance.Label.Classes.Select(c => c.Value.Text), StringComparer.Ordinal));
    }

    /// <summary>The prediction log's row of an answer under its prediction id (a UUIDv7 of <paramref name="now"/>).</summary>
    public static LoggedPrediction Log(PredictionRequest request, PredictionAnswer answer, ServedModel served, DateTimeOffset now, Guid predictionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(served);
        return LoggedPrediction.Of(now, served.Version, answer.Source.Label(), Risk(answer.Prediction), InsuranceVector.Read(request.Features), predictionId, request.RequestId);
    }

    /// <summary>Hands an answered row to the monitor's queue.</summary>
    public static void Forward(MonitorForwarder monitor, PredictionRequest request, PredictionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        monitor.Enqueue(InsuranceVector.Read(request.Features), InsuranceVector.Group(answer.Prediction.Class), answer.Source);
    }

    private static RiskPrediction Risk(ClassPrediction prediction)
    {
        var probabilities = new double[RiskGroups.Count];
        for (var c = 0; c < prediction.Probabilities.Count; c++)
        {
            probabilities[(int)InsuranceVector.Group(c)] = prediction.Probabilities[c];
        }

        return new RiskPrediction(InsuranceVector.Group(prediction.Class), probabilities);
    }
}
