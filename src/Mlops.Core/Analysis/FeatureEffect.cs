using Mlops.Core.Data;

namespace Mlops.Core.Analysis;

/// <summary>
/// How much a 0/1 feature lowers the risk in labeled data: mean risk of the rows without it minus
/// mean risk of the rows with it. The raw risk score is used when every row has one (the classes are
/// cut from it), else the class number with high = 2, low = 0. Tracked over the months whose labels
/// have arrived, it shows concept drift: the same input meaning another risk.
/// </summary>
public static class FeatureEffect
{
    public static double Of(InsuranceDataset data, Feature feature)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(feature);
        var useRisk = data.Records.All(r => r.Risk is not null);
        double with = 0, without = 0;
        int withCount = 0, withoutCount = 0;
        foreach (var record in data.Records)
        {
            var risk = useRisk ? record.Risk!.Value : 2 - (int)record.Group!.Value;
            if (feature.ValueOf(record.Features) != 0)
            {
                with += risk;
                withCount++;
            }
            else
            {
                without += risk;
                withoutCount++;
            }
        }

        return withCount == 0 || withoutCount == 0 ? double.NaN : (without / withoutCount) - (with / withCount);
    }

    /// <summary>Whether <see cref="Of"/> measures the raw risk score (true) or the class (false).</summary>
    public static bool UsesRiskScore(InsuranceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Records.All(r => r.Risk is not null);
    }
}
