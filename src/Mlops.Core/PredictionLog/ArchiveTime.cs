using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>The <c>--before</c> of <c>log export</c> and <c>log prune</c>: a date (midnight UTC) or an ISO 8601 time; without an offset it is UTC.</summary>
public static class ArchiveTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static DateTimeOffset Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        var shown = trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
        throw new InvalidInputException($"--before '{shown}' is not a date: expected 2026-01-31 or an ISO 8601 time such as 2026-01-31T12:00:00Z");
    }
}
