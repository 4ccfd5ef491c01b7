using Microsoft.Extensions.Logging.Abstractions;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Serving.Metrics;
using Mlops.Serving.Models;

namespace Mlops.Serving.Tests.Models;

public sealed class ModelReloaderTests
{
    [Fact]
    public void A_new_revision_swaps_the_model_and_counts_a_reload()
    {
        var source = new ScriptedSource();
        var holder = new ModelHolder(source.Load());
        var metrics = new ServingMetrics();
        var reloader = new ModelReloader(source, holder, metrics, NullLogger<ModelReloader>.Instance, TimeProvider.System, TimeSpan.FromSeconds(1));

        reloader.CheckOnce();
        Assert.Equal("v1", holder.Current.Version);
        Assert.Equal(0, metrics.ModelReloads);

        source.Next = "v2";
        reloader.CheckOnce();

        Assert.Equal("v2", holder.Current.Version);
        Assert.Equal(1, metrics.ModelReloads);
    }

    [Fact]
    public void A_failing_load_keeps_the_old_model_and_is_not_retried_every_poll()
    {
        var source = new ScriptedSource();
        var holder = new ModelHolder(source.Load());
        var metrics = new ServingMetrics();
        var reloader = new ModelReloader(source, holder, metrics, NullLogger<ModelReloader>.Instance, TimeProvider.System, TimeSpan.FromSeconds(1));
        source.Next = "v2";
        source.Fail = true;

        reloader.CheckOnce();
        reloader.CheckOnce();

        Assert.Equal("v1", holder.Current.Version);
        Assert.Equal(2, source.Loads); // the start and one failed try, not one per poll
        Assert.Equal(0, metrics.ModelReloads);

        // The next change is tried again, and succeeds.
        source.Fail = false;
        source.Next = "v3";
        reloader.CheckOnce();
        Assert.Equal("v3", holder.Current.Version);
    }

    [Fact]
    public void An_answer_uses_one_model_snapshot_even_when_a_swap_happens()
    {
        var source = new ScriptedSource();
        var holder = new ModelHolder(source.Load());
        var snapshot = holder.Current;

        var previous = holder.Swap(ServedModel.BaselineOnly("test", 9, DateTimeOffset.UnixEpoch, ProblemSchema.Insurance));

        Assert.Same(snapshot, previous);
        Assert.Equal("v1", snapshot.Version);
        Assert.True(holder.Current.IsBaselineOnly);
    }

    /// <summary>A model source whose revision the test moves; its "model" is the baseline rules under a version name.</summary>
    private sealed class ScriptedSource : IModelSource
    {
        private long _revision = 1;
        private string _version = "v1";

        public string Next
        {
            set
            {
                _version = value;
                _revision++;
            }
        }

        public bool Fail { get; set; }

        public int Loads { get; private set; }

        public string Description => "scripted";

        public long Revision() => _revision;

        public ServedModel Load()
        {
            Loads++;
            if (Fail)
            {
                throw new InvalidOperationException("the model file is half copied");
            }

            return ServedModel.Trained(new ConstantModel(), Fallback.TestCards.WithTalkRanges(), _version, "scripted", _revision, DateTimeOffset.UnixEpoch);
        }
    }

    private sealed class ConstantModel : IClassifier
    {
        public string Name => "constant";

        public ProblemSchema Problem => ProblemSchema.Insurance;

        public ClassPrediction Predict(ReadOnlySpan<double> features) => ClassPrediction.Certain((int)RiskGroup.Low, RiskGroups.Count);
    }
}
