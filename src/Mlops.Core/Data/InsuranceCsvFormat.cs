namespace Mlops.Core.Data;

/// <summary>The seed's file format: <c>;</c>-separated, one header line, invariant-culture numbers.</summary>
public static class InsuranceCsvFormat
{
    public const char Separator = ';';

    public const string RiskColumn = "risk";

    public const string GroupNameColumn = "group_name";

    public const string GroupColumn = "group";

    /// <summary>The seed's files spell the emergency-braking column like this; we read it, we never write it.</summary>
    public const string SeedEmergencyBrakingSpelling = "emergency_breaking";

    /// <summary>
    /// Appended where a file does not have the talk's columns: a new user's first command on their own
    /// data meets this reading when they leave out the problem file.
    /// </summary>
    public const string OtherProblemHint = " (read as the talk's insurance data: for another problem's data give its problem file, --problem FILE)";

    public static IReadOnlyList<string> Header { get; } =
        [.. Feature.All.Select(f => f.Name), RiskColumn, GroupNameColumn, GroupColumn];

    public static string HeaderLine { get; } = string.Join(Separator, Header);

    /// <summary>Maps a column name as found in a file to its canonical name.</summary>
    public static string Canonical(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var trimmed = column.Trim();
        return Problems.ProblemSchema.Insurance.FindFeature(trimmed)?.Name ?? trimmed.ToLowerInvariant();
    }
}
