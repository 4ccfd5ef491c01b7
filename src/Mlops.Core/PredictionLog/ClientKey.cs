namespace Mlops.Core.PredictionLog;

/// <summary>
/// The client's own key for a prediction (a customer or policy number): sent with the request,
/// stored in the log next to the service's prediction id, and the key a late label may name instead.
/// One definition for the request field, the log column and <c>labels add --key</c>; a problem schema
/// that names its own id column maps onto this one.
/// </summary>
public static class ClientKey
{
    /// <summary>The request field and the log column.</summary>
    public const string Name = "request_id";

    /// <summary>Longer keys are refused: a key identifies, it does not carry data (and the log stores it for every row).</summary>
    public const int MaxLength = 128;
}
