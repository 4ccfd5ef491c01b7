namespace Mlops.Core.PredictionLog;

/// <summary>Which key of a logged prediction a late label names.</summary>
public enum LabelKey
{
    /// <summary>The service's id for the answer (<c>prediction_id</c>, a UUID).</summary>
    PredictionId,

    /// <summary>The client's own key (<see cref="ClientKey.Name"/>); labels every prediction made under it.</summary>
    RequestId,
}

public static class LabelKeys
{
    /// <summary>The column (and request field, and <c>labels add --key</c> value) of the key.</summary>
    public static string Column(this LabelKey key) => key switch
    {
        LabelKey.PredictionId => "prediction_id",
        LabelKey.RequestId => ClientKey.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown label key"),
    };

    /// <summary><c>prediction_id</c> or <c>request_id</c>; null for anything else.</summary>
    public static LabelKey? Parse(string? text) =>
        text == LabelKey.PredictionId.Column() ? LabelKey.PredictionId
        : text == LabelKey.RequestId.Column() ? LabelKey.RequestId
        : null;
}
