using System.Globalization;

namespace Mlops.Cli.Simulation;

/// <summary>
/// Each simulated customer's own key, sent as <c>request_id</c> with its request and logged beside the
/// answer: <c>m12-37</c> is the 37th customer (data row) of month 12. The key the late labels of the
/// month name (<c>mlops labels add … --key request_id</c>), as a real client's customer number would.
/// </summary>
public static class CustomerKey
{
    /// <summary>The key of the customer in data row <paramref name="row"/> (0-based) of <paramref name="month"/>.</summary>
    public static string Of(int month, int row) => string.Create(CultureInfo.InvariantCulture, $"{MonthPrefix(month)}{row + 1}");

    /// <summary>What every key of the month starts with: <c>performance --key-prefix m12-</c> reads month 12.</summary>
    public static string MonthPrefix(int month) => string.Create(CultureInfo.InvariantCulture, $"m{month}-");
}
