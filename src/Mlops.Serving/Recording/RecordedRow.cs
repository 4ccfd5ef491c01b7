using Mlops.Core.Monitoring;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Serving.Fallback;
using Mlops.Serving.Input;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving.Recording;

/// <summary>
/// Where an answer becomes the prediction log's row and the monitor's row, for any problem: the request's
/// feature vector in the problem's order and the answer's class index (the log opened with
/// <see cref="PredictionLogColumns.For"/> and the forwarder writing <see cref="MonitorRowJson"/> of the same problem
/// name their columns). For insurance these are the rows the typed insurance path wrote, value for value.
/// </summary>
public static class RecordedRow
{
    /// <summary>The prediction log's row of an answer under its prediction id (a UUIDv7 of <paramref name="now"/>).</summary>
    public static LoggedPrediction Log(PredictionRequest request, PredictionAnswer answer, ServedModel served, DateTimeOffset now, Guid predictionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(served);
        return LoggedPrediction.Of(now, served.Version, answer.Source.Label(), answer.Prediction, request.Features, predictionId, request.RequestId);
    }

    /// <summary>Hands an answered row to the monitor's queue.</summary>
    public static void Forward(MonitorForwarder monitor, PredictionRequest request, PredictionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        monitor.Enqueue(new MonitorRow([.. request.Features], answer.Prediction.Class, answer.Source.Label()));
    }

    /// <summary>
    /// Whether rows of a model of <paramref name="next"/> fit a log and a monitor opened for <paramref name="recorded"/>:
    /// the log's columns (names, kinds, nullability: what <see cref="PredictionLogColumns.For"/> makes of each problem,
    /// so a feature that kept its name but changed its kind does not fit) and the classes' values, in the same order.
    /// A reload to a model whose rows do not fit is refused: its rows would fail every write, and the writer retries.
    /// </summary>
    public static bool Fits(ProblemSchema recorded, ProblemSchema next)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(next);
        return ReferenceEquals(recorded, next)
            || (PredictionLogColumns.For(next).All.SequenceEqual(PredictionLogColumns.For(recorded).All)
                && next.Label.Classes.Select(c => c.Value.Text).SequenceEqual(recorded.Label.Classes.Select(c => c.Value.Text), StringComparer.Ordinal));
    }
}
