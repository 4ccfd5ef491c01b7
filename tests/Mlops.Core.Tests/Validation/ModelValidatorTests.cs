using Mlops.Core.Problems;
using Mlops.Core.Tests.Problems;
using Mlops.Core.Tests.Training;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Core.Tests.Validation;

/// <summary>The talk's story of phase II and the analysis, on the seed's real data.</summary>
[Collection(ReferenceModelGroup.Name)]
public sealed class ModelValidatorTests(ReferenceModelFixture fixture)
{
    private static string[] FailedNames(ValidationReport report) => [.. report.Failed.Select(c => c.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_model_trained_on_the_reference_data_meets_every_invariant_there()
    {
        var report = ModelValidator.ValidateFile(fixture.Trained, RepositoryPaths.SeedMonth(0), InvariantSpec.Default, "classifier");

        Assert.True(report.Passed, string.Join("; ", report.Failed.Select(c => $"{c.Name} {c.Measured}")));
        Assert.Equal(11, report.Checks.Count);
        Assert.True(report.SameDataAsTraining);
        Assert.Equal(1, report.SpecVersion);
        Assert.Equal("classifier", report.Model);
        Assert.Equal(1500, report.Rows);

        // Validation finds the training split again: the same accuracies as the card, no leak.
        Assert.Equal(fixture.Trained.Card.TrainAccuracy, report.Accuracy!.Train);
        Assert.Equal(fixture.Trained.Card.TestAccuracy, report.Accuracy.Test);
        Assert.Equal(0, report.AccuracyDrop);
        Assert.Equal(1500, report.PredictedClassCounts!.Values.Sum());

        // The ML model beats the rule model by a wide margin on the same rows.
        Assert.InRange(report.BaselineAccuracy!.Test, 0.55, 0.65);
        Assert.True(report.Accuracy.Test - report.BaselineAccuracy.Test > 0.2);
    }

    [Theory]
    [InlineData(12, 0.70, 0.84)]
    [InlineData(36, 0.35, 0.55)]
    public void The_same_model_fails_on_a_later_month_for_its_accuracy(int month, double low, double high)
    {
        var report = ModelValidator.ValidateFile(fixture.Trained, RepositoryPaths.SeedMonth(month), InvariantSpec.Default);

        Assert.False(report.Passed);
        Assert.Equal(["test_accuracy_min", "train_accuracy_min"], FailedNames(report));
        Assert.InRange(report.Accuracy!.Test, low, high);
        Assert.All(report.Failed, c => Assert.True(c.Margin < 0));
        Assert.False(report.SameDataAsTraining);
        Assert.Equal("reference.csv", report.ModelTrainingDataFile);
        Assert.Equal(fixture.Trained.Card.TestAccuracy - report.Accuracy.Test, report.AccuracyDrop!.Value, 12);
        Assert.True(report.AccuracyDrop > 0.05, $"drop {report.AccuracyDrop}");
    }

    [Fact]
    public void Drift_makes_the_drop_grow_from_month_12_to_month_36()
    {
        var month12 = ModelValidator.ValidateFile(fixture.Trained, RepositoryPaths.SeedMonth(12), InvariantSpec.Default);
        var month36 = ModelValidator.ValidateFile(fixture.Trained, RepositoryPaths.SeedMonth(36), InvariantSpec.Default);

        Assert.True(month36.AccuracyDrop > month12.AccuracyDrop + 0.2);
    }

    [Fact]
    public void Retrained_on_month_12_the_model_is_accurate_but_its_classes_are_no_longer_balanced()
    {
        // The talk: "the new model no longer meets our requirements — back to phase I". What fails is
        // the balance: month 12 has 21.6 % high-risk customers, so an accurate model predicts too few.
        using var retrained = ProblemModelTrainer.TrainFile(RepositoryPaths.SeedMonth(12), ProblemSchema.Insurance, new TrainingOptions());

        var report = ModelValidator.ValidateFile(retrained, RepositoryPaths.SeedMonth(12), InvariantSpec.Default);

        Assert.False(report.Passed);
        Assert.Equal(["class_count_high", "class_count_low"], FailedNames(report));
        Assert.True(report.PredictedClassCounts!["high"] < 400);
        Assert.True(report.PredictedClassCounts["low"] > 600);
        Assert.InRange(report.Accuracy!.Test, 0.85, 0.95);
    }

    [Fact]
    public void A_looser_spec_is_applied_as_given()
    {
        var loose = InvariantSpec.Default with { Version = 9, AccuracyMin = 0.7 };

        var report = ModelValidator.ValidateFile(fixture.Trained, RepositoryPaths.SeedMonth(12), loose);

        Assert.True(report.Passed);
        Assert.Equal(9, report.SpecVersion);
    }

    [Fact]
    public void Unlabeled_data_cannot_be_validated()
    {
        var unlabeled = DatasetRows.Where(fixture.Data, "month-40.csv", _ => true, labeled: false);

        var error = Assert.Throws<InvalidInputException>(() => ModelValidator.Validate(fixture.Trained, unlabeled, "hash", InvariantSpec.Default));

        Assert.Contains("month-40.csv", error.Message, StringComparison.Ordinal);
    }
}
