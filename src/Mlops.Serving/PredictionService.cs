using Mlops.Core.PredictionLog;
using Mlops.Serving.Fallback;
using Mlops.Serving.Input;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;
using Mlops.Serving.Recording;

namespace Mlops.Serving;

/// <summary>
/// Answers prediction requests with one snapshot of the served model (read by the caller, who read the
/// body with that model's <see cref="ServedModel.Reader"/>): lets the fallback policy decide who answers,
/// gives every answer its prediction id, records it in the prediction log (durable: waits for the
/// commit) and then hands it to the metrics and the monitor (through a queue, never waiting).
/// </summary>
public sealed class PredictionService(
    ModelHolder models, FallbackPolicy policy, ServingMetrics metrics, PredictionLogWriter? log, MonitorForwarder? monitor, TimeProvider time)
{
    public ModelHolder Models => models;

    public FallbackPolicy Policy => policy;

    /// <summary>The answer for one row, or null when the prediction log did not record it (the caller answers 503).</summary>
    public async ValueTask<Answered?> AnswerAsync(PredictionRequest request, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(served);
        var answer = policy.Decide(request.Features, served);
        var now = time.GetUtcNow();
        var predictionId = Guid.CreateVersion7(now);
        if (log is not null && served.RecordsRows && !await log.RecordAsync([RecordedRow.Log(request, answer, served, now, predictionId)]).ConfigureAwait(false))
        {
            return null;
        }

        Publish(request, answer, served);
        return new Answered(answer, served, predictionId, request.RequestId);
    }

    /// <summary>The answers for a batch, in order, or null when the prediction log did not record them (all or none).</summary>
    public async ValueTask<IReadOnlyList<Answered>?> AnswerAllAsync(IReadOnlyList<PredictionRequest> requests, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(served);
        var answers = policy.DecideAll([.. requests.Select(r => r.Features)], served);
        var now = time.GetUtcNow();
        var ids = new Guid[requests.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Guid.CreateVersion7(now);
        }

        if (log is not null && served.RecordsRows)
        {
            var rows = new LoggedPrediction[requests.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = RecordedRow.Log(requests[i], answers[i], served, now, ids[i]);
            }

            if (!await log.RecordAsync(rows).ConfigureAwait(false))
            {
                return null;
            }
        }

        var answered = new Answered[requests.Count];
        for (var i = 0; i < answered.Length; i++)
        {
            Publish(requests[i], answers[i], served);
            answered[i] = new Answered(answers[i], served, ids[i], requests[i].RequestId);
        }

        return answered;
    }

    private void Publish(PredictionRequest request, PredictionAnswer answer, ServedModel served)
    {
        metrics.Answered(answer, served);
        if (monitor is not null && served.RecordsRows)
        {
            RecordedRow.Forward(monitor, request, answer);
        }
    }
}

/// <summary>An answer as it goes out: what was answered, by which model, under which prediction id, for which client key.</summary>
public sealed record Answered(PredictionAnswer Answer, ServedModel Model, Guid PredictionId, string? RequestId);
