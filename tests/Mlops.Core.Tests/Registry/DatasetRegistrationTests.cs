using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Core.Tests.Registry;

public abstract class DatasetRegistrationTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void A_dataset_is_stored_once_by_its_hash_whatever_its_name()
    {
        var reference = RepositoryPaths.SeedMonth(0);
        var renamed = Temp.File("same-bytes.csv");
        File.Copy(reference, renamed);

        var first = Registry.RegisterDataset(reference);
        var second = Registry.RegisterDataset(renamed);

        Assert.False(first.AlreadyRegistered);
        Assert.True(second.AlreadyRegistered);
        Assert.Equal(ContentHash.OfFile(reference), first.Dataset.Sha256);
        Assert.Equal(("reference.csv", 1500), (second.Dataset.FileName, second.Dataset.Rows));
        Assert.Single(Directory.GetFiles(Path.Combine(Home, "datasets")));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(Registry.DatasetPath(first.Dataset.Sha256)));
        Assert.Single(Registry.ListDatasets());
    }

    [Fact]
    public void Statistics_are_those_of_the_file()
    {
        var month = RepositoryPaths.SeedMonth(12);

        var dataset = Registry.RegisterDataset(month).Dataset;

        var age = dataset.Statistics.Columns.Single(c => c.Column == "age");
        var expected = Mlops.Core.Statistics.DatasetStatistics.Of(InsuranceCsvReader.ReadFile(month)).Columns.Single(c => c.Column == "age");
        Assert.Equal(expected, age);
        Assert.Equal("month-12.csv", dataset.Statistics.Dataset);
        var found = Registry.FindDataset(dataset.Sha256.ToUpperInvariant());
        Assert.Equal(dataset.Sha256, found?.Sha256);
        Assert.Equal(dataset.Statistics.Columns, found!.Statistics.Columns);
        Assert.Equal(dataset.Statistics.ClassCounts, found.Statistics.ClassCounts);
    }

    [Fact]
    public void A_malformed_file_is_refused_and_nothing_is_stored()
    {
        var bad = Temp.File("bad.csv");
        File.WriteAllText(bad, "training,age\n1,30\n");

        var error = Assert.Throws<DataFormatException>(() => Registry.RegisterDataset(bad));

        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.ListDatasets());
        Assert.Empty(Directory.GetFiles(Path.Combine(Home, "datasets")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Home, "tmp")));
    }
}

public sealed class DatasetRegistrationTestsOnSqlite() : DatasetRegistrationTests(RegistryBackend.Sqlite);

public sealed class DatasetRegistrationTestsOnPostgres() : DatasetRegistrationTests(RegistryBackend.Postgres);
