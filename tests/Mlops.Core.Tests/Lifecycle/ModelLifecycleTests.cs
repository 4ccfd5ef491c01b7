using Mlops.Core.Data;
using Mlops.Core.Lifecycle;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Core.Tests.Lifecycle;

/// <summary>The first model's whole life, as <c>mlops up</c> and the demo run it.</summary>
public sealed class ModelLifecycleTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-lifecycle");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Train_to_production_registers_data_model_and_evidence_and_promotes_through_the_gate()
    {
        var registry = ModelRegistry.Open(_temp.File("home"));
        var reference = RepositoryPaths.SeedMonth(0);
        var folder = _temp.File("model");

        var result = new ModelLifecycle(registry, InvariantSpec.Default).TrainToProduction(reference, new TrainingOptions(), folder, reason: "test: first model");

        Assert.True(result.Validation.Passed, string.Join(", ", result.Validation.Failed.Select(c => c.Name)));
        Assert.Equal(("v1", PromotionOutcome.Promoted), (result.Version, result.Promotion.Outcome));
        Assert.Equal("v1", registry.GetProduction()?.Model.Version);
        Assert.Equal(ContentHash.OfFile(Path.Combine(folder, "model.zip")), result.Card.ModelSha256);
        var lineage = registry.Lineage("v1");
        Assert.True(lineage.TrainingData.Registered);
        var recorded = Assert.Single(lineage.Validations);
        Assert.Equal(("v1", true), (recorded.Version, recorded.Passed));
        Assert.Equal(ContentHash.OfFile(reference), recorded.DataSha256);
    }
}
