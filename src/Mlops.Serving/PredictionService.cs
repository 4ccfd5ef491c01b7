using Mlops.Core.Data;
using Mlops.Core.PredictionLog;
using Mlops.Serving.Fallback;
using Mlops.Serving.Input;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving;

/// <summary>
/// Answers prediction requests: takes one snapshot of the served model, lets the fallback policy
/// decide who answers, gives every answer its prediction id, records it in the prediction log
/// (durable: waits for the commit) and then hands it to the metrics and the monitor (through a
/// queue, never waiting).
/// </summary>
public sealed class PredictionService(
    ModelHolder models, FallbackPolicy policy, ServingMetrics metrics, PredictionLogWriter? log, MonitorForwarder? monitor, TimeProvider time)
{
    public ModelHolder Models => models;

    public FallbackPolicy Policy => policy;

    /// <summary>The answer for one customer, or null when the prediction log did not record it (the caller answers 503).</summary>
    public async ValueTask<Answered?> AnswerAsync(PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var served = models.Current;
        var answer = policy.Decide(request.Features, served);
        var row = Row(request, answer, served, time.GetUtcNow());
        if (log is not null && !await log.RecordAsync([row]).ConfigureAwait(false))
        {
            return null;
        }

        Publish(request.Features, answer, served);
        return new Answered(answer, served, row.PredictionId, row.RequestId);
    }

    /// <summary>The answers for a batch, in order, or null when the prediction log did not record them (all or none).</summary>
    public async ValueTask<IReadOnlyList<Answered>?> AnswerAllAsync(IReadOnlyList<PredictionRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var served = models.Current;
        var answers = policy.DecideAll([.. requests.Select(r => r.Features)], served);
        var now = time.GetUtcNow();
        var rows = new LoggedPrediction[requests.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(requests[i], answers[i], served, now);
        }

        if (log is not null && !await log.RecordAsync(rows).ConfigureAwait(false))
        {
            return null;
        }

        var answered = new Answered[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Publish(requests[i].Features, answers[i], served);
            answered[i] = new Answered(answers[i], served, rows[i].PredictionId, rows[i].RequestId);
        }

        return answered;
    }

    /// <summary>The log row of an answer; its UUIDv7 id carries the answer's time.</summary>
    private static LoggedPrediction Row(PredictionRequest request, RiskAnswer answer, ServedModel served, DateTimeOffset now) =>
        LoggedPrediction.Of(now, served.Version, answer.Source.Label(), answer.Prediction, request.Features, Guid.CreateVersion7(now), request.RequestId);

    private void Publish(InsuranceFeatures features, RiskAnswer answer, ServedModel served)
    {
        metrics.Answered(answer, served);
        monitor?.Enqueue(features, answer.Prediction.Group, answer.Source);
    }
}

/// <summary>An answer as it goes out: what was answered, by which model, under which prediction id, for which client key.</summary>
public sealed record Answered(RiskAnswer Answer, ServedModel Model, Guid PredictionId, string? RequestId);
