using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// One row of the prediction log: what the service was asked, what it answered, who answered and when.
/// The monitor follows these rows; ground truth that arrives later is joined to them.
/// </summary>
/// <param name="Id">Position in the log, increasing; 0 until the row is written.</param>
/// <param name="LoggedAt">When the answer was given (UTC).</param>
/// <param name="ModelVersion">The model the service was serving (also when the baseline answered for it).</param>
/// <param name="Source">Who answered: <c>ml</c>, <c>baseline_out_of_range</c>, <c>baseline_low_probability</c> or <c>baseline</c>.</param>
/// <param name="Category">The answered risk class.</param>
/// <param name="PHigh">Probability of high risk.</param>
/// <param name="PMedium">Probability of medium risk.</param>
/// <param name="PLow">Probability of low risk.</param>
/// <param name="Features">The six inputs.</param>
/// <param name="PredictionId">The answer's identity, given by the service and sent to the client: a UUIDv7, time-ordered and unique across processes, the key a late label names.</param>
/// <param name="RequestId">The client's own key for the customer (<see cref="ClientKey"/>), if it sent one; the other key a late label can name.</param>
public sealed record LoggedPrediction(
    long Id,
    DateTimeOffset LoggedAt,
    string ModelVersion,
    string Source,
    RiskGroup Category,
    double PHigh,
    double PMedium,
    double PLow,
    InsuranceFeatures Features,
    Guid PredictionId,
    string? RequestId = null)
{
    /// <summary>A row to append: the position is given by the log when it is written; the prediction id is a new UUIDv7 of <paramref name="loggedAt"/> unless given.</summary>
    public static LoggedPrediction Of(
        DateTimeOffset loggedAt, string modelVersion, string source, RiskPrediction prediction, InsuranceFeatures features, Guid? predictionId = null, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var p = prediction.Probabilities;
        return new LoggedPrediction(
            0, loggedAt.ToUniversalTime(), modelVersion, source, prediction.Group, p[(int)RiskGroup.High], p[(int)RiskGroup.Medium], p[(int)RiskGroup.Low], features,
            predictionId ?? Guid.CreateVersion7(loggedAt), requestId);
    }
}
