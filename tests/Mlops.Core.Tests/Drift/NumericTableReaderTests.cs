using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Testing;

namespace Mlops.Core.Tests.Drift;

public sealed class NumericTableReaderTests
{
    [Fact]
    public void Reads_the_seed_reference_with_canonical_names_and_skips_text_columns()
    {
        var table = NumericTableReader.ReadFile(RepositoryPaths.SeedMonth(0));
        Assert.Equal(1500, table.RowCount);
        Assert.True(table.HasColumn("emergency_braking"));
        Assert.False(table.HasColumn("group_name"));
        Assert.True(table.HasColumn("group"));
    }

    [Fact]
    public void Booleans_and_empty_fields_are_read_as_numbers_and_missing()
    {
        var table = NumericTableReader.Read(["a;b;prediction", "true;1.5;2", "false;;0"], "t.csv");
        Assert.Equal([1.0, 0], table.Values("a"));
        Assert.True(double.IsNaN(table.Values("b")[1]));
    }

    [Fact]
    public void Problems_name_file_line_and_column()
    {
        var e = Assert.Throws<DataFormatException>(() => NumericTableReader.Read(["a;b", "1;2;3"], "t.csv"));
        Assert.Equal("t.csv:2: expected 2 fields, found 3", e.Message);
        Assert.Contains("','", Assert.Throws<DataFormatException>(() => NumericTableReader.Read(["a,b", "1,2"], "t.csv")).Message, StringComparison.Ordinal);
        Assert.Contains("file not found", Assert.Throws<DataFormatException>(() => NumericTableReader.ReadFile("/nonexistent/x.csv")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_columns_must_be_present_and_numeric()
    {
        Assert.Equal("t.csv:3: column 'b': 'x' is not a number", Assert.Throws<DataFormatException>(() => NumericTableReader.Read(["a;b", "1;2", "1;x"], "t.csv", ["b"])).Message);
        Assert.Equal("t.csv:1: column 'c': missing from the header", Assert.Throws<DataFormatException>(() => NumericTableReader.Read(["a;b", "1;2"], "t.csv", ["c"])).Message);
    }
}
