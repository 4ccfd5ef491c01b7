using Mlops.Core.Data;
using Mlops.Core.Problems;
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

    [Fact]
    public void Another_problems_data_is_read_and_described_through_its_schema()
    {
        var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
        var problem = ProblemSchemaFile.Load(Path.Combine(iris, "iris.problem.json"));

        var dataset = Registry.RegisterDataset(Path.Combine(iris, "reference.csv"), problem).Dataset;

        Assert.Equal(90, dataset.Rows);
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], dataset.Statistics.Columns.Select(c => c.Column));
        Assert.Equal(new Dictionary<string, int> { ["setosa"] = 30, ["versicolor"] = 30, ["virginica"] = 30 }, Registry.FindDataset(dataset.Sha256)!.Statistics.ClassCounts);
    }

    [Fact]
    public void Another_problems_file_that_does_not_fit_its_schema_is_refused_naming_line_and_column()
    {
        var problem = ProblemSchemaFile.Load(Path.Combine(RepositoryPaths.Root, "examples", "iris", "iris.problem.json"));
        var bad = Temp.File("flowers.csv");
        File.WriteAllText(bad, "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,0.2,rose\n");

        var error = Assert.Throws<DataFormatException>(() => Registry.RegisterDataset(bad, problem));

        Assert.Contains("flowers.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'rose' is not a class", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.ListDatasets());
    }
}

public sealed class DatasetRegistrationTestsOnSqlite() : DatasetRegistrationTests(RegistryBackend.Sqlite);

public sealed class DatasetRegistrationTestsOnPostgres() : DatasetRegistrationTests(RegistryBackend.Postgres);
