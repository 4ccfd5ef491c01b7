using System.Globalization;
using Mlops.Cli.Infrastructure;

namespace Mlops.Cli.Simulation;

/// <summary>The months to replay, <c>FIRST-LAST</c> (e.g. <c>1-36</c>) or one month (<c>12</c>).</summary>
public sealed record MonthRange(int First, int Last)
{
    public static MonthRange All { get; } = new(1, 36);

    public IEnumerable<int> Months => Enumerable.Range(First, Last - First + 1);

    public int Count => Last - First + 1;

    public static MonthRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && Month(parts[0]) is { } single)
        {
            return new MonthRange(single, single);
        }

        if (parts.Length == 2 && Month(parts[0]) is { } first && Month(parts[1]) is { } last && first <= last)
        {
            return new MonthRange(first, last);
        }

        throw new UsageException($"--months '{text}': expected FIRST-LAST with 1 <= FIRST <= LAST (e.g. 1-36), or one month (e.g. 12)");
    }

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    private static int? Month(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month >= 1 ? month : null;
}
