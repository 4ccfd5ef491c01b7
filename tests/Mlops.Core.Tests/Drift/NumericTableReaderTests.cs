using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Drift;

public sealed class NumericTableReaderTests
{
    [Fact]
    public void Reads_the_seed_reference_through_the_insurance_problem_with_canonical_names()
    {
        var (table, header) = NumericTableReader.ReadFileWithHeader(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance);
        Assert.Equal(1500, table.RowCount);
        Assert.True(table.HasColumn("emergency_braking"));
        Assert.Contains("emergency_breaking", header);
        Assert.False(table.HasColumn("group_name"));
        Assert.False(table.HasColumn("risk"));
        Assert.Equal([0.0, 1, 2], table.Values("group").Distinct().Order());
    }

    [Fact]
    public void A_comma_separated_file_of_another_problem_reads_its_labels_and_predictions_as_class_indices()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("ref.csv"), "sepal_length,sepal_width,petal_length,petal_width,species,prediction\n5.1,3.5,1.4,0.2,setosa,setosa\n6.3,3.3,6.0,2.5,virginica,1\n");

        var table = NumericTableReader.ReadFile(dir.File("ref.csv"), Iris);

        Assert.Equal([5.1, 6.3], table.Values("sepal_length"));
        Assert.Equal([0.0, 2], table.Values("species"));
        Assert.Equal([0.0, 1], table.Values("prediction"));
    }

    [Fact]
    public void Problems_name_file_line_and_column()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("a.csv"), "sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n");
        File.WriteAllText(dir.File("b.csv"), "sepal_length,sepal_width,petal_length,petal_width,prediction\n5.1,3.5,1.4,0.2,rose\n");
        File.WriteAllText(dir.File("c.csv"), "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,x\n");

        Assert.EndsWith("a.csv:1: column 'petal_width': missing from the header", Assert.Throws<DataFormatException>(() => NumericTableReader.ReadFile(dir.File("a.csv"), Iris)).Message, StringComparison.Ordinal);
        Assert.EndsWith("b.csv:2: column 'prediction': 'rose' is not a class of 'iris' (its value or its index 0 to 2)", Assert.Throws<DataFormatException>(() => NumericTableReader.ReadFile(dir.File("b.csv"), Iris)).Message, StringComparison.Ordinal);
        Assert.EndsWith("c.csv:2: column 'petal_width': 'x' is not a number", Assert.Throws<DataFormatException>(() => NumericTableReader.ReadFile(dir.File("c.csv"), Iris)).Message, StringComparison.Ordinal);
        Assert.Contains("file not found", Assert.Throws<DataFormatException>(() => NumericTableReader.ReadFile("/nonexistent/x.csv", Iris)).Message, StringComparison.Ordinal);
    }

    private static ProblemSchema Iris => ProblemSchemaFile.Load(Path.Combine(RepositoryPaths.Root, "examples", "iris", "iris.problem.json"));
}
