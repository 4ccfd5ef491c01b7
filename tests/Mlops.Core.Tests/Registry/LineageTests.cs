using Mlops.Core.Data;
using Mlops.Core.Registry;
using Mlops.Core.Statistics;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

public abstract class LineageTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void Lineage_names_the_registered_training_data_with_its_statistics()
    {
        var reference = RepositoryPaths.SeedMonth(0);
        var data = Registry.RegisterDataset(reference).Dataset;
        Add(seed: 1, trainingSha: data.Sha256);

        var lineage = Registry.Lineage("v1");

        Assert.Equal(ContentHash.OfFile(reference), lineage.TrainingData.Sha256);
        Assert.True(lineage.TrainingData.Registered);
        Assert.Equal(DatasetStatistics.Of(InsuranceCsvReader.ReadFile(reference)), lineage.TrainingData.Dataset!.Statistics, new StatisticsComparer());
        Assert.Equal("LightGbm", lineage.Model.Card.Trainer);
        Assert.Equal("31", lineage.Model.Card.Parameters["leaves"]);
        Assert.Equal((0.91, 0.89), (lineage.Model.Card.TrainAccuracy, lineage.Model.Card.TestAccuracy));
    }

    [Fact]
    public void Lineage_says_when_the_training_data_was_never_registered()
    {
        Add(seed: 1);

        var training = Registry.Lineage("v1").TrainingData;

        Assert.False(training.Registered);
        Assert.Equal(("reference.csv", RegistryFixtures.TrainingSha), (training.File, training.Sha256));
    }

    [Fact]
    public void Lineage_lists_every_validation_and_stage_change_of_each_version()
    {
        Add(seed: 1);
        Add(seed: 2);
        Registry.RecordValidation("v1", RegistryFixtures.Passing());
        Clock.Now = Clock.Now.AddMinutes(5);
        Registry.RecordValidation("v1", RegistryFixtures.Failing(dataSha: "ab".PadRight(64, '0')));
        Registry.RecordValidation("v2", RegistryFixtures.Passing());
        Registry.Promote("v1", force: true, reason: "demo");
        Registry.Promote("v2");

        var v1 = Registry.Lineage("v1");
        var v2 = Registry.Lineage("v2");

        Assert.Equal([true, false], v1.Validations.Select(v => v.Passed));
        Assert.Equal("ab".PadRight(64, '0'), v1.Validations[1].DataSha256);
        Assert.Equal(["test_accuracy_min", "class_balance_low"], v1.Validations[1].FailedChecks.Select(c => c.Name));
        Assert.Equal(Clock.Now, v1.Validations[1].RecordedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 8, 0, 0, TimeSpan.Zero), v1.Validations[1].ValidatedAt);
        Assert.False(v1.Gate.Passed);
        Assert.Equal([StageAction.Registered, StageAction.ForcedPromotion, StageAction.Replaced], v1.History.Select(h => h.Action));
        Assert.Equal([StageAction.Registered, StageAction.Promoted], v2.History.Select(h => h.Action));
        Assert.Single(v2.Validations);
        Assert.True(v2.Gate.Passed);
    }

    [Fact]
    public void Validation_recorded_by_model_folder_lands_on_the_matching_version()
    {
        var folder = RegistryFixtures.ModelFolder(Temp.Path, "trained", seed: 7);
        Registry.Register(RegistryFixtures.ModelFolder(Temp.Path, "other", seed: 6));
        Registry.Register(folder);

        var record = Registry.RecordValidationForFolder(folder, RegistryFixtures.Passing());
        var unregistered = Registry.RecordValidationForFolder(RegistryFixtures.ModelFolder(Temp.Path, "new", seed: 8), RegistryFixtures.Passing());

        Assert.Equal("v2", record?.Version);
        Assert.Null(unregistered);
        Assert.Single(Registry.Lineage("v2").Validations);
        Assert.Empty(Registry.Lineage("v1").Validations);
    }

    /// <summary>Records holding lists compare the lists by reference; compare statistics by value, column by column.</summary>
    private sealed class StatisticsComparer : IEqualityComparer<DatasetStatistics>
    {
        public bool Equals(DatasetStatistics? x, DatasetStatistics? y) =>
            x is not null && y is not null && x.Dataset == y.Dataset && x.Rows == y.Rows
            && x.Columns.SequenceEqual(y.Columns)
            && (x.ClassCounts ?? new Dictionary<string, int>()).OrderBy(p => p.Key).SequenceEqual((y.ClassCounts ?? new Dictionary<string, int>()).OrderBy(p => p.Key));

        public int GetHashCode(DatasetStatistics obj) => obj.Rows;
    }
}

public sealed class LineageTestsOnSqlite() : LineageTests(RegistryBackend.Sqlite);

public sealed class LineageTestsOnPostgres() : LineageTests(RegistryBackend.Postgres);
