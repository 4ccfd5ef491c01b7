using System.Globalization;

namespace Mlops.Cli.Infrastructure;

/// <summary>Number formatting for tables: invariant culture, a sensible number of digits.</summary>
public static class Format
{
    public static string Number(double value, int decimals = 3) =>
        double.IsNaN(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double share, int decimals = 1) =>
        double.IsNaN(share) ? "-" : (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>With thousands separators, e.g. 54,000.</summary>
    public static string Thousands(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
