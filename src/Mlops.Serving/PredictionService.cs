using Mlops.Core.Data;
using Mlops.Core.PredictionLog;
using Mlops.Serving.Fallback;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving;

/// <summary>
/// Answers prediction requests: takes one snapshot of the served model, lets the fallback policy
/// decide who answers, and hands each answer to the metrics, the prediction log and the monitor
/// (the latter two through queues, never waiting).
/// </summary>
public sealed class PredictionService(
    ModelHolder models, FallbackPolicy policy, ServingMetrics metrics, PredictionLogWriter? log, MonitorForwarder? monitor, TimeProvider time)
{
    public ModelHolder Models => models;

    public FallbackPolicy Policy => policy;

    public (RiskAnswer Answer, ServedModel Model) Answer(InsuranceFeatures features)
    {
        var served = models.Current;
        var answer = policy.Decide(features, served);
        Record(features, answer, served, time.GetUtcNow());
        return (answer, served);
    }

    public (IReadOnlyList<RiskAnswer> Answers, ServedModel Model) AnswerAll(IReadOnlyList<InsuranceFeatures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var served = models.Current;
        var answers = policy.DecideAll(rows, served);
        var now = time.GetUtcNow();
        for (var i = 0; i < rows.Count; i++)
        {
            Record(rows[i], answers[i], served, now);
        }

        return (answers, served);
    }

    private void Record(InsuranceFeatures features, RiskAnswer answer, ServedModel served, DateTimeOffset now)
    {
        metrics.Answered(answer, served);
        log?.TryEnqueue(LoggedPrediction.Of(now, served.Version, answer.Source.Label(), answer.Prediction, features));
        monitor?.Enqueue(features, answer.Prediction.Group, answer.Source);
    }
}
