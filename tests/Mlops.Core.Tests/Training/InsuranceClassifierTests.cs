using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

/// <summary>The talk's models seen as any problem's <see cref="IClassifier"/>: the rules and a saved model answer on the problem's vector.</summary>
[Collection(ReferenceModelGroup.Name)]
public sealed class InsuranceClassifierTests(ReferenceModelFixture fixture)
{
    [Fact]
    public void The_trained_model_is_a_classifier_of_the_insurance_problem()
    {
        Assert.Same(ProblemSchema.Insurance, fixture.Trained.Classifier.Problem);
    }

    [Fact]
    public void The_rules_as_a_classifier_answer_their_class_with_certainty_one_on_every_reference_row()
    {
        var fromFile = RuleModel.For(ProblemSchema.Insurance);
        var vector = new double[fixture.Data.Schema.Features.Count];
        for (var r = 0; r < fixture.Data.RowCount; r++)
        {
            fixture.Data.CopyRow(r, vector);
            var prediction = fromFile.Predict(vector);

            Assert.Equal(fromFile.Classify(vector), prediction.Class);
            Assert.Equal(1.0, prediction.Certainty);
        }
    }

    [Fact]
    public void A_loaded_model_keeps_its_classifier_and_a_missing_insurance_value_is_refused()
    {
        using var folder = new TemporaryDirectory();
        ModelDirectory.Save(fixture.Trained, folder.Path);
        using var loaded = ModelDirectory.Load(folder.Path);
        var vector = new double[fixture.Data.Schema.Features.Count];
        fixture.Data.CopyRow(0, vector);

        Assert.Equal(fixture.Trained.Classifier.Predict(vector), loaded.Classifier.Predict(vector), new PredictionComparer());
        vector[1] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => loaded.Classifier.Predict(vector));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    private sealed class PredictionComparer : IEqualityComparer<ClassPrediction>
    {
        public bool Equals(ClassPrediction? x, ClassPrediction? y) =>
            x is not null && y is not null && x.Class == y.Class && x.Probabilities.SequenceEqual(y.Probabilities);

        public int GetHashCode(ClassPrediction obj) => obj.Class;
    }
}
