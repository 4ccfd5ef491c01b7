using Microsoft.ML;
using Microsoft.ML.Data;
using Mlops.Core.Models;
using Mlops.Core.Tests.Training;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Models;

[Collection(ReferenceModelGroup.Name)]
public sealed class ModelDirectoryTests(ReferenceModelFixture fixture) : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SavedModel(string name = "classifier")
    {
        var directory = _temp.File(name);
        ModelDirectory.Save(fixture.Trained, directory);
        return directory;
    }

    [Fact]
    public void A_card_carries_its_problem_through_the_file_and_an_old_card_is_an_insurance_model()
    {
        var directory = SavedModel();
        var card = ModelCardFile.Read(directory);
        ModelCardFile.Write(directory, card with { Problem = Mlops.Core.Problems.ProblemSchema.Insurance });

        var read = ModelCardFile.Read(directory);

        Assert.Contains("\"problem\":", File.ReadAllText(ModelDirectory.CardFile(directory)), StringComparison.Ordinal);
        Assert.DoesNotContain("problem_or_insurance", File.ReadAllText(ModelDirectory.CardFile(directory)), StringComparison.Ordinal);
        Assert.NotNull(read.Problem);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Mlops.Core.Problems.ProblemSchema.Insurance, Mlops.Core.Serialization.MlopsJson.Options),
            System.Text.Json.JsonSerializer.Serialize(read.Problem, Mlops.Core.Serialization.MlopsJson.Options));
        Assert.Same(Mlops.Core.Problems.ProblemSchema.Insurance, (card with { Problem = null }).ProblemOrInsurance);
    }

    [Fact]
    public void A_saved_model_loads_with_its_card_and_predicts_the_same()
    {
        var directory = SavedModel();

        using var loaded = ModelDirectory.Load(directory);

        Assert.Equal(["model.json", "model.zip"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Trained.Card.TestAccuracy, loaded.Card.TestAccuracy);
        Assert.Equal(fixture.Trained.Card.FeatureRanges, loaded.Card.FeatureRanges);
        Assert.Equal(fixture.Trained.Card.Parameters, loaded.Card.Parameters);
        Assert.Equal("maxent", loaded.Classifier.Name);
        Assert.Equal(
            ProblemModelTrainer.PredictAll(fixture.Trained.Classifier, fixture.Data).Select(p => p.Probabilities.ToArray()),
            ProblemModelTrainer.PredictAll(loaded.Classifier, fixture.Data).Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void Saving_again_replaces_the_model_and_leaves_no_temporary_files()
    {
        var directory = SavedModel();
        File.WriteAllText(ModelDirectory.CardFile(directory), "{}");

        ModelDirectory.Save(fixture.Trained, directory);

        using var loaded = ModelDirectory.Load(directory);
        Assert.Equal(2, Directory.GetFiles(directory).Length);
    }

    [Fact]
    public void A_folder_with_other_files_is_never_overwritten()
    {
        var directory = _temp.File("notes");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "thesis.txt"), "precious");

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Save(fixture.Trained, directory));

        Assert.Contains("holds no model", error.Message, StringComparison.Ordinal);
        Assert.Equal(["thesis.txt"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(_temp.File("nowhere")));

        Assert.EndsWith("nowhere: model folder not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_card_is_not_a_model()
    {
        var directory = SavedModel();
        File.Delete(ModelDirectory.CardFile(directory));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("model.json: model card not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var directory = SavedModel();
        File.Delete(ModelDirectory.ModelFile(directory));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("model.zip: model file not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.0)]
    public void A_truncated_model_file_is_reported_not_thrown_as_an_ml_net_error(double keep)
    {
        var directory = SavedModel();
        var bytes = File.ReadAllBytes(ModelDirectory.ModelFile(directory));
        File.WriteAllBytes(ModelDirectory.ModelFile(directory), bytes[..(int)(bytes.Length * keep)]);

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("model.zip: not a readable ML.NET model (truncated or corrupt?)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_truncated_card_is_reported()
    {
        var directory = SavedModel();
        var text = File.ReadAllText(ModelDirectory.CardFile(directory));
        File.WriteAllText(ModelDirectory.CardFile(directory), text[..(text.Length / 2)]);

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("model.json: not a valid model card (truncated or corrupt?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_of_another_format_version_is_refused()
    {
        var directory = SavedModel();
        var path = ModelDirectory.CardFile(directory);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format_version\": 1", "\"format_version\": 2", StringComparison.Ordinal));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("model card format version 2 is not supported; this mlops reads version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_for_other_features_is_refused()
    {
        var directory = SavedModel();
        var path = ModelDirectory.CardFile(directory);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"miles\"\n", "\"kilometres\"\n", StringComparison.Ordinal));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("the model was trained on the features [training, age, emergency_braking, braking_distance, power, kilometres]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ml_net_model_for_another_input_schema_is_refused()
    {
        var directory = SavedModel();
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(new[] { new OtherInput { Speed = 1, Weight = 2 } });
        var other = context.Transforms.Concatenate("Features", "speed", "weight").Fit(data);
        context.Model.Save(other, data.Schema, ModelDirectory.ModelFile(directory));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));
        Assert.Contains("the model expects the input columns [speed: Single, weight: Single], not the card's encoded vector of 6 numbers", error.Message, StringComparison.Ordinal);

        // A card without an encoding (written before session 21) expects one float column per feature.
        ModelCardFile.Write(directory, ModelCardFile.Read(directory) with { Encoding = null });
        error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));
        Assert.Contains("the model expects the input columns [speed, weight]", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing or not float: training, age", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ml_net_model_with_the_right_inputs_but_no_class_scores_is_refused()
    {
        var directory = SavedModel();
        ModelCardFile.Write(directory, ModelCardFile.Read(directory) with { Encoding = null });
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(new[] { new SixInputs() });
        var noScores = context.Transforms.Concatenate("Features", "age", "power").Fit(data);
        context.Model.Save(noScores, data.Schema, ModelDirectory.ModelFile(directory));

        var error = Assert.Throws<ModelFormatException>(() => ModelDirectory.Load(directory));

        Assert.Contains("the model does not fit this mlops's input schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_folder_written_before_the_one_trainer_loads_and_predicts_as_the_model_trained_now()
    {
        // Fixtures/legacy-insurance-model: `mlops train -d seed-data/reference.csv` of commit ec5e2d2, whose
        // ML.NET input was one float column per feature and whose card has no encoding.
        var legacy = Path.Combine(AppContext.BaseDirectory, "Fixtures", "legacy-insurance-model");
        using var loaded = ModelDirectory.Load(legacy);
        Assert.Null(loaded.Card.Encoding);
        Assert.IsType<Core.Training.ColumnsClassifier>(loaded.Classifier);
        Assert.Equal(fixture.Trained.Card.TestAccuracy, loaded.Card.TestAccuracy);
        Assert.Equal(fixture.Trained.Card.Parameters["features"], loaded.Card.Parameters["features"]);

        var reference = Mlops.Core.Problems.ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), Mlops.Core.Problems.ProblemSchema.Insurance, requireLabels: true);
        var vector = new double[reference.Schema.Features.Count];
        for (var i = 0; i < reference.RowCount; i++)
        {
            reference.CopyRow(i, vector);
            var before = loaded.Classifier.Predict(vector);
            var now = fixture.Trained.Classifier.Predict(vector);
            Assert.Equal(before.Class, now.Class);
            Assert.Equal(before.Probabilities, now.Probabilities);
        }
    }

    /// <summary>A row with one float column per insurance feature, as the talk's models were saved.</summary>
    private sealed class SixInputs
    {
        [ColumnName("training")]
        public float Training { get; set; }

        [ColumnName("age")]
        public float Age { get; set; } = 30;

        [ColumnName("emergency_braking")]
        public float EmergencyBraking { get; set; }

        [ColumnName("braking_distance")]
        public float BrakingDistance { get; set; } = 40;

        [ColumnName("power")]
        public float Power { get; set; } = 100;

        [ColumnName("miles")]
        public float Miles { get; set; } = 20;
    }

    private sealed class OtherInput
    {
        [ColumnName("speed")]
        public float Speed { get; set; }

        [ColumnName("weight")]
        public float Weight { get; set; }
    }
}
