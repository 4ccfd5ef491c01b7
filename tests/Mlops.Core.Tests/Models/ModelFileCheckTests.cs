using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Tests.Training;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Models;

/// <summary>The card pins its model.zip: a file swapped between two models is refused, an old card loads with a warning.</summary>
[Collection(ReferenceModelGroup.Name)]
public sealed class ModelFileCheckTests(ReferenceModelFixture fixture) : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_saved_card_records_the_sha256_of_the_model_file()
    {
        var directory = _temp.File("classifier");

        var saved = ModelDirectory.Save(fixture.Trained, directory);

        Assert.Equal(ContentHash.OfFile(ModelDirectory.ModelFile(directory)), saved.ModelSha256);
        Assert.Equal(saved.ModelSha256, ModelCardFile.Read(directory).ModelSha256);
        Assert.Null(fixture.Trained.Card.ModelSha256);
    }

    [Fact]
    public void A_model_file_swapped_between_two_trained_models_is_refused()
    {
        var first = _temp.File("first");
        var second = _temp.File("second");
        ModelDirectory.Save(fixture.Trained, first);
        using (var other = ProblemModelTrainer.TrainFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, new TrainingOptions { Seed = 7 }))
        {
            ModelDirectory.Save(other, second);
        }

        // Both load as they are: each is a readable model of this schema.
        ModelDirectory.Load(second).Dispose();
        File.Copy(ModelDirectory.ModelFile(second), ModelDirectory.ModelFile(first), overwrite: true);

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(first));

        Assert.StartsWith($"{ModelDirectory.ModelFile(first)}: not the model its card describes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_card_written_before_the_model_file_was_pinned_loads_with_a_warning()
    {
        var directory = _temp.File("old");
        var card = ModelDirectory.Save(fixture.Trained, directory);
        ModelCardFile.Write(directory, card with { ModelSha256 = null });
        var warnings = new List<string>();

        using var loaded = ModelDirectory.Load(directory, warnings.Add);

        Assert.Null(loaded.Card.ModelSha256);
        var warning = Assert.Single(warnings);
        Assert.Contains("records no SHA-256 of model.zip", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_model_loads_without_a_warning()
    {
        var directory = _temp.File("pinned");
        ModelDirectory.Save(fixture.Trained, directory);
        var warnings = new List<string>();

        using var loaded = ModelDirectory.Load(directory, warnings.Add);

        Assert.Empty(warnings);
    }
}
