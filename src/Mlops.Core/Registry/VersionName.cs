using System.Globalization;

namespace Mlops.Core.Registry;

/// <summary>Human version names: <c>v1</c>, <c>v2</c>, … in the order models were registered.</summary>
public static class VersionName
{
    public static string Format(int number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of <c>vN</c> (case-insensitive), or null when <paramref name="text"/> is not of that form.</summary>
    public static int? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length > 1 && trimmed[0] is 'v' or 'V'
            && int.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }
}
