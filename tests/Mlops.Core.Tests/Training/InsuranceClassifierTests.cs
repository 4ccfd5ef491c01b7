using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

/// <summary>The talk's models seen as any problem's <see cref="IClassifier"/>: the same answers as on the typed rows.</summary>
[Collection(ReferenceModelGroup.Name)]
public sealed class InsuranceClassifierTests(ReferenceModelFixture fixture)
{
    [Fact]
    public void The_trained_model_as_a_classifier_answers_what_it_answers_on_the_typed_row()
    {
        var classifier = fixture.Trained.Classifier;
        Assert.Same(ProblemSchema.Insurance, classifier.Problem);
        Assert.True(fixture.Trained.IsRiskModel);
        var vector = new double[InsuranceVector.Length];
        foreach (var record in fixture.Reference.Records.Take(300))
        {
            InsuranceVector.Write(record.Features, vector);
            var typed = fixture.Trained.Model.Predict(record.Features);
            var generic = classifier.Predict(vector);

            Assert.Equal(typed.Group, InsuranceVector.Group(generic.Class));
            Assert.Equal(typed.Probabilities[(int)RiskGroup.High], generic.Probabilities[ClassOf("high")], 12);
            Assert.Equal(typed.Probabilities[(int)RiskGroup.Low], generic.Probabilities[ClassOf("low")], 12);
        }
    }

    [Fact]
    public void The_rules_as_a_classifier_answer_the_talks_baseline_for_every_reference_row()
    {
        var fromFile = RuleModel.For(ProblemSchema.Insurance);
        var vector = new double[InsuranceVector.Length];
        foreach (var record in fixture.Reference.Records)
        {
            InsuranceVector.Write(record.Features, vector);
            var expected = BaselineRiskModel.Classify(record.Features);

            Assert.Equal(expected, InsuranceVector.Group(ClassOf(BaselineRiskModel.Instance, vector)));
            Assert.Equal(expected, InsuranceVector.Group(ClassOf(fromFile, vector)));
            Assert.Equal(1.0, fromFile.Predict(vector).Certainty);
        }
    }

    [Fact]
    public void A_loaded_model_keeps_its_classifier_and_a_missing_insurance_value_is_refused()
    {
        using var folder = new TemporaryDirectory();
        ModelDirectory.Save(fixture.Trained, folder.Path);
        using var loaded = ModelDirectory.Load(folder.Path);
        var vector = new double[InsuranceVector.Length];
        InsuranceVector.Write(fixture.Reference.Records[0].Features, vector);

        Assert.Equal(fixture.Trained.Classifier.Predict(vector), loaded.Classifier.Predict(vector), new PredictionComparer());
        vector[1] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => loaded.Classifier.Predict(vector));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    private static int ClassOf(IClassifier classifier, double[] vector) => classifier.Predict(vector).Class;

    private static int ClassOf(string name) => ProblemSchema.Insurance.Label.Classes.ToList().FindIndex(c => c.Name == name);

    private sealed class PredictionComparer : IEqualityComparer<ClassPrediction>
    {
        public bool Equals(ClassPrediction? x, ClassPrediction? y) =>
            x is not null && y is not null && x.Class == y.Class && x.Probabilities.SequenceEqual(y.Probabilities);

        public int GetHashCode(ClassPrediction obj) => obj.Class;
    }
}
