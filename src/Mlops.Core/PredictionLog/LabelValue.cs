using Mlops.Core.Data;

namespace Mlops.Core.PredictionLog;

/// <summary>How a label names a risk class: the seed's number (<c>group</c>: 0, 1, 2) or its name (<c>group_name</c>: high, medium, low).</summary>
public static class LabelValue
{
    public const string Expected = "0, 1, 2 or high, medium, low";

    public static bool TryParse(string? text, out RiskGroup label)
    {
        label = default;
        var trimmed = text?.Trim() ?? "";
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return RiskGroups.TryFromLabel(number, out label);
        }

        foreach (var group in RiskGroups.All)
        {
            if (trimmed.Equals(group.Name(), StringComparison.OrdinalIgnoreCase))
            {
                label = group;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed key of kind <paramref name="key"/>: a prediction id must be a UUID; a client key 1 to <see cref="ClientKey.MaxLength"/> characters.</summary>
    public static string? KeyProblem(LabelKey key, string text) => key switch
    {
        LabelKey.PredictionId when !Guid.TryParse(text, out _) => $"is not a prediction id (a UUID), got '{Short(text)}'",
        LabelKey.RequestId when text.Length is 0 or > ClientKey.MaxLength => $"must be 1 to {ClientKey.MaxLength} characters, got '{Short(text)}'",
        _ => null,
    };

    internal static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
