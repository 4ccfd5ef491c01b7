using Mlops.Serving.Fallback;
using Mlops.Serving.Input;
using Mlops.Serving.Models;
using Prometheus;

namespace Mlops.Serving.Metrics;

/// <summary>
/// The service's Prometheus metrics. The names are a contract: the Grafana dashboard and the alert
/// rules are written against them. Each service instance has its own registry.
/// </summary>
public sealed class ServingMetrics
{
    private readonly Counter _predictions;
    private readonly Gauge _fallbackRate;
    private readonly Gauge _modelInfo;
    private readonly Counter _errors;
    private readonly Gauge _logQueueLength;
    private readonly Counter _modelReloads;
    private readonly Counter _modelReloadFailures;
    private readonly Dictionary<InputErrorKind, Counter.Child> _errorChildren;
    private readonly Lock _modelLock = new();
    private PredictionCounters _counters;

    /// <summary>
    /// The metrics of a service answering a problem whose label answers call <paramref name="classLabel"/>
    /// (<see cref="Core.Problems.LabelDefinition.AnswerName"/>: the talk's <c>risk</c>): the label of
    /// <c>mlops_predictions_total</c> that holds the class name.
    /// </summary>
    public ServingMetrics(string classLabel = Core.Problems.LabelDefinition.DefaultName, int fallbackWindow = FallbackRateWindow.DefaultSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(classLabel);
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        FallbackWindow = new FallbackRateWindow(fallbackWindow);

        _predictions = factory.CreateCounter("mlops_predictions_total", $"Answered predictions by {(classLabel == Core.Problems.LabelDefinition.DefaultName ? "" : classLabel + " ")}class, who answered (ml or which baseline fallback) and served model version.",
            // Label sets appear when published (for the served version) or counted, not when looked up: the
            // placeholder below must not export twelve zero series for a "baseline" version nobody serves.
            new CounterConfiguration { LabelNames = [classLabel, "source", "model_version"], SuppressInitialValue = true });
        _fallbackRate = factory.CreateGauge("mlops_fallback_rate", $"Share of answers given by the baseline fallback over the last {fallbackWindow} predictions.");
        _modelInfo = factory.CreateGauge("mlops_model_info", "The served model: 1 for the current version and trainer.",
            new GaugeConfiguration { LabelNames = ["model_version", "trainer"] });
        _errors = factory.CreateCounter("mlops_prediction_errors_total", "Rejected prediction requests by kind of input error.",
            new CounterConfiguration { LabelNames = ["kind"] });
        _logQueueLength = factory.CreateGauge("mlops_prediction_log_queue_length", "Predictions waiting to be written to the prediction log.");
        PredictionLogDropped = factory.CreateCounter("mlops_prediction_log_dropped_total", "Predictions not written to the prediction log (queue full, or lost at a forced shutdown).");
        PredictionLogUnrecorded = factory.CreateCounter("mlops_prediction_log_unrecorded_total", "Predictions refused with 503 because the prediction log did not commit them in time (durable mode: never a 200 for an unrecorded prediction).");
        PredictionLogWritten = factory.CreateCounter("mlops_prediction_log_written_total", "Predictions written to the prediction log.");
        MonitorDroppedRows = factory.CreateCounter("mlops_monitor_forward_dropped_rows_total", "Answered inputs not forwarded to the monitor: in batches it did not accept (down, slow or refusing) or refused by a full queue.");
        MonitorForwardedRows = factory.CreateCounter("mlops_monitor_forwarded_rows_total", "Answered inputs the monitor accepted.");
        _modelReloads = factory.CreateCounter("mlops_model_reloads_total", "Times the service swapped in another model (promotion or rollback in the registry).");
        _modelReloadFailures = factory.CreateCounter("mlops_model_reload_failures_total", "Reloads that failed; the service kept answering with the previous model.");

        // Every series exists from the start, so rate() and alerts see 0 rather than nothing.
        _errorChildren = InputErrorKinds.All.ToDictionary(k => k, k => _errors.WithLabels(k.Label()));
        foreach (var child in _errorChildren.Values)
        {
            child.Publish();
        }

        // Published for the served model by Serving(); this placeholder only avoids a null check per request.
        _counters = PredictionCounters.For(_predictions, ServedModel.BaselineVersion, [], publish: false);
        Registry.AddBeforeCollectCallback(() => _fallbackRate.Set(FallbackWindow.Rate));
    }

    public CollectorRegistry Registry { get; }

    public FallbackRateWindow FallbackWindow { get; }

    public Counter PredictionLogDropped { get; }

    public Counter PredictionLogWritten { get; }

    public Counter PredictionLogUnrecorded { get; }

    public Counter MonitorDroppedRows { get; }

    public Counter MonitorForwardedRows { get; }

    public double ModelReloads => _modelReloads.Value;

    /// <summary>Counts one answer; the model version is the one that was served for it.</summary>
    public void Answered(PredictionAnswer answer, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(served);
        var counters = _counters;
        if (!ReferenceEquals(counters.Model, served))
        {
            counters = PredictionCounters.For(_predictions, served.Version, ClassNames(served), publish: true, served);
        }

        counters.Inc(answer.Prediction.Class, answer.Source);
        FallbackWindow.Add(answer.Source.IsFallback());
    }

    public void Rejected(InputErrorKind kind) => _errorChildren[kind].Inc();

    /// <summary>Points <c>mlops_model_info</c> at the new model and readies its prediction counters.</summary>
    public void Serving(ServedModel model, ServedModel? previous)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_modelLock)
        {
            if (previous is not null)
            {
                _modelInfo.RemoveLabelled(previous.Version, previous.Trainer);
            }

            _modelInfo.WithLabels(model.Version, model.Trainer).Set(1);
            _counters = PredictionCounters.For(_predictions, model.Version, ClassNames(model), publish: true, model);
        }
    }

    private static string[] ClassNames(ServedModel model) => [.. model.Problem.Label.Classes.Select(c => c.Name)];

    public void Reloaded() => _modelReloads.Inc();

    public void ReloadFailed() => _modelReloadFailures.Inc();

    /// <summary>Reads the prediction log's queue length at each scrape.</summary>
    public void TrackLogQueue(Func<int> queueLength) =>
        Registry.AddBeforeCollectCallback(() => _logQueueLength.Set(queueLength()));

    /// <summary>The counter children of one served model (its version, its problem's class names), looked up once rather than per request.</summary>
    private sealed class PredictionCounters
    {
        private readonly Counter.Child[] _children;

        private PredictionCounters(ServedModel? model, Counter.Child[] children)
        {
            Model = model;
            _children = children;
        }

        /// <summary>The served model these children count for; null for the placeholder.</summary>
        public ServedModel? Model { get; }

        public static PredictionCounters For(Counter counter, string version, string[] classes, bool publish, ServedModel? model = null)
        {
            var children = new Counter.Child[classes.Length * AnswerSources.All.Count];
            for (var c = 0; c < classes.Length; c++)
            {
                foreach (var source in AnswerSources.All)
                {
                    var child = counter.WithLabels(classes[c], source.Label(), version);
                    if (publish)
                    {
                        child.Publish();
                    }

                    children[Index(c, source)] = child;
                }
            }

            return new PredictionCounters(model, children);
        }

        public void Inc(int classIndex, AnswerSource source) => _children[Index(classIndex, source)].Inc();

        private static int Index(int classIndex, AnswerSource source) => (classIndex * AnswerSources.All.Count) + (int)source;
    }
}
