namespace Mlops.Core.Analysis;

/// <summary>
/// How much a 0/1 feature lowers the label's score in labeled data: mean score of the rows without it
/// minus mean score of the rows with it. The raw score is used when every row has one (the classes are
/// cut from it: the seed's risk), else the class number counted down from the first class (for the talk:
/// high = 2, low = 0). Tracked over the months whose labels have arrived, it shows concept drift: the same
/// input meaning another risk.
/// </summary>
public static class FeatureEffect
{
    /// <summary>The effect of feature <paramref name="feature"/> (by name) in the labeled <paramref name="month"/>.</summary>
    public static double Of(ProblemMonth month, string feature)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(feature);
        var data = month.Data;
        var values = data.Feature(feature);
        var labels = data.Labels;
        var top = data.Schema.Label.Classes.Count - 1;
        double with = 0, without = 0;
        int withCount = 0, withoutCount = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            var score = month.Scores is { } scores ? scores[i] : top - labels[i];
            if (values[i] != 0)
            {
                with += score;
                withCount++;
            }
            else
            {
                without += score;
                withoutCount++;
            }
        }

        return withCount == 0 || withoutCount == 0 ? double.NaN : (without / withoutCount) - (with / withCount);
    }

    /// <summary>Whether <see cref="Of"/> measures the raw score (true) or the class (false).</summary>
    public static bool UsesScore(ProblemMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return month.Scores is not null;
    }
}
