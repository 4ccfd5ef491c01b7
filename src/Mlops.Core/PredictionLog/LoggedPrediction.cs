using Mlops.Core.Models;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// One row of the prediction log: what the service was asked, what it answered, who answered and when.
/// The monitor follows these rows; ground truth that arrives later is joined to them. Any problem's:
/// the features are its feature vector, the answer a class index with one probability per class
/// (<see cref="PredictionLogColumns"/> names their columns).
/// </summary>
/// <param name="Id">Position in the log, increasing; 0 until the row is written.</param>
/// <param name="LoggedAt">When the answer was given (UTC).</param>
/// <param name="ModelVersion">The model the service was serving (also when the baseline answered for it).</param>
/// <param name="Source">Who answered: <c>ml</c>, <c>baseline_out_of_range</c>, <c>baseline_low_probability</c> or <c>baseline</c>.</param>
/// <param name="Category">The answered class's index in the problem's class order.</param>
/// <param name="Probabilities">One per class, in the problem's class order.</param>
/// <param name="Features">The feature vector: one value per feature in the problem's order (binary 0/1, a category as its index, NaN for missing).</param>
/// <param name="PredictionId">The answer's identity, given by the service and sent to the client: a UUIDv7, time-ordered and unique across processes, the key a late label names.</param>
/// <param name="RequestId">The client's own key for the customer (<see cref="ClientKey"/>), if it sent one; the other key a late label can name.</param>
public sealed record LoggedPrediction(
    long Id,
    DateTimeOffset LoggedAt,
    string ModelVersion,
    string Source,
    int Category,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<double> Features,
    Guid PredictionId,
    string? RequestId = null)
{
    /// <summary>A row to append: the position is given by the log when it is written; the prediction id is a new UUIDv7 of <paramref name="loggedAt"/> unless given.</summary>
    public static LoggedPrediction Of(
        DateTimeOffset loggedAt, string modelVersion, string source, ClassPrediction prediction, IReadOnlyList<double> features, Guid? predictionId = null, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(features);
        return new LoggedPrediction(
            0, loggedAt.ToUniversalTime(), modelVersion, source, prediction.Class, [.. prediction.Probabilities], [.. features], predictionId ?? Guid.CreateVersion7(loggedAt), requestId);
    }

    /// <summary>Equal when every value is: the vectors compare element by element (NaN equal to NaN, a missing value in both).</summary>
    public bool Equals(LoggedPrediction? other) =>
        other is not null && Id == other.Id && LoggedAt == other.LoggedAt && ModelVersion == other.ModelVersion && Source == other.Source
        && Category == other.Category && Probabilities.SequenceEqual(other.Probabilities) && Features.SequenceEqual(other.Features)
        && PredictionId == other.PredictionId && RequestId == other.RequestId;

    public override int GetHashCode() => HashCode.Combine(Id, LoggedAt, ModelVersion, Source, Category, PredictionId, RequestId);
}
