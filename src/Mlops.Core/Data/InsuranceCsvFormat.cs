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

    private static readonly char[] OtherSeparators = [',', '\t', '|'];

    /// <summary>The separator a header uses instead of <c>;</c> (<c>,</c>, tab or <c>|</c>), or null: it has a <c>;</c> or none of them.</summary>
    public static char? OtherSeparator(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Contains(Separator, StringComparison.Ordinal)
            ? null
            : OtherSeparators.Select(c => (char?)c).FirstOrDefault(c => header.Contains(c!.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// What is wrong with <paramref name="header"/> when it is not <c>;</c>-separated (naming the separator it
    /// uses, if any), or null when it is: the one wording of the seed reader and of the commands that read
    /// the talk's data without <c>--problem</c>.
    /// </summary>
    public static string? SeparatorProblem(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Contains(Separator, StringComparison.Ordinal))
        {
            return null;
        }

        var uses = OtherSeparator(header) is { } other ? $"; the header uses '{(other == '\t' ? "\\t" : other.ToString())}'" : "";
        return $"expected ';'-separated columns{uses}{OtherProblemHint}";
    }

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
