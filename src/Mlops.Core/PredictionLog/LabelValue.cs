using Mlops.Core.Problems;

namespace Mlops.Core.PredictionLog;

/// <summary>How a label names a class of its problem: the class's value as the data writes it (insurance: 0, 1, 2; iris: setosa…) or its name (high, medium, low).</summary>
public static class LabelValue
{
    /// <summary>The class index <paramref name="text"/> names in <paramref name="problem"/>: by value first, then by name (case aside).</summary>
    public static bool TryParse(string? text, ProblemSchema problem, out int classIndex)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var trimmed = text?.Trim() ?? "";
        classIndex = problem.Label.ClassIndex(ColumnValue.Parse(trimmed));
        if (classIndex >= 0)
        {
            return true;
        }

        for (var c = 0; c < problem.Label.Classes.Count; c++)
        {
            if (trimmed.Equals(problem.Label.Classes[c].Name, StringComparison.OrdinalIgnoreCase))
            {
                classIndex = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>What a label may be, for an error: insurance's "0, 1, 2 or high, medium, low".</summary>
    public static string Expected(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var values = string.Join(", ", problem.Label.Classes.Select(c => c.Value.Text));
        var names = string.Join(", ", problem.Label.Classes.Select(c => c.Name));
        return values == names ? values : $"{values} or {names}";
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
