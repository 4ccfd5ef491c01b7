using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>How <c>mlops performance</c> groups the record: by the UTC day, ISO week or month an answer was given, or all together.</summary>
public enum PerformancePeriod
{
    Day,
    Week,
    Month,

    /// <summary>One period, <c>all</c>: e.g. a replay that put months of traffic into minutes.</summary>
    All,
}

public static class PerformancePeriods
{
    /// <summary><c>day</c>, <c>week</c>, <c>month</c> or <c>all</c>; null for anything else.</summary>
    public static PerformancePeriod? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "day" => PerformancePeriod.Day,
        "week" => PerformancePeriod.Week,
        "month" => PerformancePeriod.Month,
        "all" => PerformancePeriod.All,
        _ => null,
    };

    /// <summary>The period's name, which also sorts in time order: 2026-11-28, 2026-W48, 2026-11.</summary>
    public static string Of(this PerformancePeriod period, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return period switch
        {
            PerformancePeriod.Day => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PerformancePeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(utc)}-W{ISOWeek.GetWeekOfYear(utc):00}"),
            PerformancePeriod.Month => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            PerformancePeriod.All => "all",
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
        };
    }
}
