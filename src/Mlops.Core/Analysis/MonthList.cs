namespace Mlops.Core.Analysis;

/// <summary>Months in words: "months 1–36", "month 12", "months 1, 3, 7", "no month".</summary>
public static class MonthList
{
    public static string Describe(IReadOnlyList<int> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.Count switch
        {
            0 => "no month",
            1 => $"month {months[0]}",
            _ when months[^1] - months[0] == months.Count - 1 => $"months {months[0]}–{months[^1]}",
            _ => $"months {string.Join(", ", months)}",
        };
    }
}
