using Mlops.Core.Analysis;

namespace Mlops.Core.Tests.Analysis;

public sealed class MonthFileTests
{
    [Theory]
    [InlineData("month-12.csv", 12)]
    [InlineData("seed-data/month-1.csv", 1)]
    [InlineData("/tmp/x/MONTH-36.CSV", 36)]
    public void A_month_file_is_placed_in_time_by_its_name(string path, int month) => Assert.Equal(month, MonthFile.MonthOf(path));

    [Theory]
    [InlineData("reference.csv")]
    [InlineData("month-0.csv")]
    [InlineData("month-12.csv.bak")]
    [InlineData("data.csv")]
    public void Other_names_cannot_be_placed_and_the_error_says_how_to_name_them(string path)
    {
        Assert.False(MonthFile.TryMonthOf(path, out _));
        var error = Assert.Throws<InvalidInputException>(() => MonthFile.MonthOf(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("month-N.csv", error.Message, StringComparison.Ordinal);
    }
}
