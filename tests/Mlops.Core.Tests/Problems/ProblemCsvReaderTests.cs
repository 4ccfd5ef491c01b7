using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

public sealed class ProblemCsvReaderTests : IDisposable
{
    /// <summary>A problem with every kind, string categories, an imputed feature and an id.</summary>
    private static readonly ProblemSchema Pets = ProblemSchemaFile.Parse(
        new MemoryStream("""
            {
              "version": 1, "name": "pets",
              "label": { "column": "adopted", "classes": [ { "value": "no", "name": "stays" }, { "value": "yes", "name": "adopted" } ] },
              "features": [
                { "name": "age", "kind": "numeric", "missing": "impute", "valid": { "at_least": 0 } },
                { "name": "species", "kind": "categorical", "categories": [ "cat", "dog", "guinea pig" ] },
                { "name": "vaccinated", "kind": "binary", "aliases": [ "vaccinated_yn" ] },
                { "name": "size", "kind": "categorical", "categories": [ 1, 2, 3 ] }
              ],
              "ignored": [ "comment" ], "id": "pet_id"
            }
            """u8.ToArray()),
        "pets.problem.json");

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_comma_separated_quoted_fields_with_NA_as_missing()
    {
        var path = Write(""""
            pet_id,age,species,vaccinated_yn,size,comment,adopted
            p1,2.5,dog,1,2,"friendly, loud",yes
            p2,NA,"guinea pig",true,1,,no

            p3,,cat,0,3.0,"says ""hi""",no
            """");

        var data = ProblemCsvReader.ReadFile(path, Pets);

        Assert.Equal(3, data.RowCount);
        Assert.Equal(2.5, data.Feature("age")[0]);
        Assert.True(double.IsNaN(data.Feature("age")[1]));
        Assert.True(double.IsNaN(data.Feature("age")[2]));
        Assert.Equal([1.0, 2.0, 0.0], data.Feature("species").ToArray());
        Assert.Equal([1.0, 1.0, 0.0], data.Feature("vaccinated").ToArray());
        Assert.Equal([1.0, 0.0, 2.0], data.Feature("size").ToArray());
        Assert.Equal([1, 0, 0], data.Labels.ToArray());
        Assert.Equal(["p1", "p2", "p3"], data.Ids!);
    }

    [Fact]
    public void Detects_semicolons_and_takes_a_given_separator()
    {
        var semicolons = Write("age;species;vaccinated;size\n3;cat;0;1\n");
        var pipes = Write("age|species|vaccinated|size\n3|cat|0|1\n");

        Assert.False(ProblemCsvReader.ReadFile(semicolons, Pets).IsLabeled);
        Assert.Equal(3.0, ProblemCsvReader.ReadFile(pipes, Pets, separator: '|').Feature(0)[0]);
        var wrong = Assert.Throws<DataFormatException>(() => ProblemCsvReader.ReadFile(semicolons, Pets, separator: ','));
        Assert.Contains("found one column", wrong.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age,species,vaccinated,size,colour\n1,cat,0,1,red\n", ":1: column 'colour': unexpected column")]
    [InlineData("age,species,size\n1,cat,1\n", ":1: column 'vaccinated': missing from the header")]
    [InlineData("age,species,vaccinated,vaccinated_yn,size\n1,cat,0,0,1\n", ":1: column 'vaccinated_yn': appears more than once")]
    [InlineData("age,species,vaccinated,size\n1,cat,0,1\n1,cat,0\n", ":3: expected 4 fields, found 3")]
    [InlineData("age,species,vaccinated,size\n1,cat,0,1\nold,cat,0,1\n", ":3: column 'age': 'old' is not a number")]
    [InlineData("age,species,vaccinated,size\n1,horse,0,1\n", ":2: column 'species': 'horse' is not a category of 'species' (cat, dog, guinea pig)")]
    [InlineData("age,species,vaccinated,size\n1,cat,2,1\n", ":2: column 'vaccinated': '2' must be 0 or 1")]
    [InlineData("age,species,vaccinated,size\n1,NA,0,1\n", ":2: column 'species': missing value ('NA'); the problem file's policy for 'species' is reject")]
    [InlineData("age,species,vaccinated,size,adopted\n1,cat,0,1,maybe\n", ":2: column 'adopted': 'maybe' is not a class (no = stays, yes = adopted)")]
    [InlineData("age,species,vaccinated,size\n", ": has a header but no data rows")]
    [InlineData("", ": file is empty")]
    public void Bad_content_is_one_line_naming_file_line_and_column(string content, string expected)
    {
        var path = Write(content);

        var error = Assert.Throws<DataFormatException>(() => ProblemCsvReader.ReadFile(path, Pets));

        Assert.Equal($"{path}{expected}", error.Message[..Math.Min(error.Message.Length, path.Length + expected.Length)]);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Labels_are_required_when_asked_for()
    {
        var path = Write("age,species,vaccinated,size\n1,cat,0,1\n");

        var error = Assert.Throws<DataFormatException>(() => ProblemCsvReader.ReadFile(path, Pets, requireLabels: true));

        Assert.Contains("column 'adopted': missing from the header; this command needs labeled data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(36)]
    public void The_seed_files_read_through_the_insurance_problem_give_the_insurance_readers_numbers(int month)
    {
        var path = RepositoryPaths.SeedMonth(month);

        var generic = ProblemCsvReader.ReadFile(path, ProblemSchema.Insurance, requireLabels: true);
        var insurance = InsuranceCsvReader.ReadFile(path, requireLabels: true);

        Assert.Equal(insurance.Count, generic.RowCount);
        foreach (var feature in Feature.All)
        {
            Assert.Equal(insurance.Column(feature), generic.Feature(feature.Name).ToArray());
        }

        Assert.Equal(insurance.Labels().Select(g => (int)g), generic.Labels.ToArray());
        var (perFeature, rows) = ImpossibleValues.Count(insurance);
        var (genericPerFeature, genericRows) = ImpossibleValues.Count(generic);
        Assert.Equal(perFeature, genericPerFeature);
        Assert.Equal(rows, genericRows);
    }

    private string Write(string content)
    {
        var path = _temp.File($"data-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
