using System.Globalization;
using System.Text.RegularExpressions;

namespace Mlops.Core.Analysis;

/// <summary>
/// Places a production file in time by its name, as the seed and <c>mlops data generate</c> name them:
/// <c>month-12.csv</c> is month 12.
/// </summary>
public static partial class MonthFile
{
    public static bool TryMonthOf(string path, out int month)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = MonthName().Match(Path.GetFileName(path));
        month = 0;
        return match.Success
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && month >= 1;
    }

    /// <exception cref="InvalidInputException">The name does not say which month the file holds.</exception>
    public static int MonthOf(string path) => TryMonthOf(path, out var month)
        ? month
        : throw new InvalidInputException($"{path}: cannot place this file in time; production files are named month-N.csv (N = 1, 2, …)");

    [GeneratedRegex(@"^month-(\d{1,6})\.csv$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();
}
