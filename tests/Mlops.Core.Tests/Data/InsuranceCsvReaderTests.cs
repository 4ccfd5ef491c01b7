using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Core.Tests.Data;

public sealed class InsuranceCsvReaderTests
{
    private const string Header = "training;age;emergency_braking;braking_distance;power;miles;risk;group_name;group";

    [Fact]
    public void Reads_the_seeds_reference_file_with_its_emergency_breaking_spelling()
    {
        var dataset = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true);

        Assert.Equal(1500, dataset.Count);
        Assert.True(dataset.IsLabeled);
        var first = dataset.Records[0];
        Assert.False(first.Features.Training);
        Assert.Equal(41.95110048903289, first.Features.Age);
        Assert.False(first.Features.EmergencyBraking);
        Assert.Equal(54.78945431286064, first.Features.Miles);
        Assert.Equal(RiskGroup.High, first.Group);
        Assert.Contains(dataset.Records, r => r.Features.EmergencyBraking);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_rows_with_the_correct_spelling()
    {
        var original = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(36));
        using var temp = new TemporaryDirectory();
        var path = temp.File("month-36.csv");

        InsuranceCsvWriter.WriteFile(path, original);
        var copy = InsuranceCsvReader.ReadFile(path);

        Assert.StartsWith(Header + "\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(original.Records, copy.Records);
    }

    [Fact]
    public void Unlabeled_rows_are_written_without_label_columns_and_read_back()
    {
        var rows = new[] { new InsuranceRecord(new InsuranceFeatures(true, 51, true, 30, 100, 10)) };
        var writer = new StringWriter();

        InsuranceCsvWriter.Write(writer, new InsuranceDataset("x", rows));
        var copy = InsuranceCsvReader.Read(new StringReader(writer.ToString()), "x.csv");

        Assert.Equal("training;age;emergency_braking;braking_distance;power;miles\n1;51;1;30;100;10\n", writer.ToString());
        Assert.False(copy.IsLabeled);
        Assert.Equal(rows, copy.Records);
    }

    [Theory]
    [InlineData("", "data.csv: file is empty")]
    [InlineData("\n\n", "data.csv: file is empty")]
    [InlineData(Header + "\n", "data.csv: has a header but no data rows")]
    [InlineData("training,age,emergency_braking,braking_distance,power,miles\n0,1,0,1,1,1\n", "data.csv:1: expected ';'-separated columns; the header uses ','")]
    [InlineData("training;age;braking_distance;power;miles\n0;1;2;3;4\n", "data.csv:1: column 'emergency_braking': missing from the header")]
    [InlineData("training;age;emergency_braking;braking_distance;power;miles\n0;30;1;40;100;10\n0;abc;1;40;100;10\n", "data.csv:3: column 'age': 'abc' is not a number")]
    [InlineData("training;age;emergency_braking;braking_distance;power;miles\n0;30;1;40;100\n", "data.csv:2: expected 6 fields, found 5")]
    [InlineData("training;age;emergency_braking;braking_distance;power;miles\n2;30;1;40;100;10\n", "data.csv:2: column 'training': '2' must be 0 or 1")]
    [InlineData("training;age;emergency_braking;braking_distance;power;miles\n0;30;1;40;NaN;10\n", "data.csv:2: column 'power': 'NaN' is not a finite number")]
    [InlineData("training;age;emergency_braking;braking_distance;power;miles\n0;30;1;;100;10\n", "data.csv:2: column 'braking_distance': empty value")]
    [InlineData(Header + "\n0;30;1;40;100;10;2.0;medium;7\n", "data.csv:2: column 'group': '7' is not a risk group")]
    [InlineData("training;age;age;emergency_braking;braking_distance;power;miles\n", "data.csv:1: column 'age': appears more than once in the header")]
    public void Bad_content_is_rejected_with_file_line_and_column(string content, string expectedStart)
    {
        var error = Assert.Throws<DataFormatException>(() => InsuranceCsvReader.Read(new StringReader(content), "data.csv"));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Labels_are_required_when_asked_for()
    {
        const string content = "training;age;emergency_braking;braking_distance;power;miles\n0;30;1;40;100;10\n";

        var error = Assert.Throws<DataFormatException>(() => InsuranceCsvReader.Read(new StringReader(content), "data.csv", requireLabels: true));

        Assert.Contains("column 'group': missing from the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Booleans_may_be_written_as_words_and_separators_in_windows_line_endings_are_fine()
    {
        const string content = "training;age;emergency_breaking;braking_distance;power;miles\r\ntrue;30;False;40;100;10\r\n";

        var row = Assert.Single(InsuranceCsvReader.Read(new StringReader(content), "data.csv").Records);

        Assert.Equal(new InsuranceFeatures(true, 30, false, 40, 100, 10), row.Features);
    }

    [Fact]
    public void A_missing_file_or_a_directory_is_named_in_the_error()
    {
        using var temp = new TemporaryDirectory();

        var missing = Assert.Throws<DataFormatException>(() => InsuranceCsvReader.ReadFile(temp.File("nope.csv")));
        var directory = Assert.Throws<DataFormatException>(() => InsuranceCsvReader.ReadFile(temp.Path));

        Assert.EndsWith("nope.csv: file not found", missing.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", directory.Message, StringComparison.Ordinal);
    }
}
