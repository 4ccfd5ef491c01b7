namespace Mlops.Serving.Logging;

/// <summary>When an answer may leave the service, relative to its row in the prediction log (<c>mlops serve --log-durability</c>).</summary>
public enum PredictionLogDurability
{
    /// <summary>
    /// The default: an answer is sent only after its row is committed (group commit: the rows of
    /// concurrent requests go in one transaction). A log that cannot commit in time turns the answer
    /// into a 503, so every 200 is in the log, also after a crash of the process.
    /// </summary>
    Durable,

    /// <summary>
    /// The answer is sent at once and its row is written in the background: faster, but the rows still
    /// queued are lost when the process is killed, and rows are dropped (counted) while the log is
    /// unavailable and the queue is full.
    /// </summary>
    Buffered,
}

public static class PredictionLogDurabilities
{
    public static string Label(this PredictionLogDurability durability) => durability switch
    {
        PredictionLogDurability.Durable => "durable",
        PredictionLogDurability.Buffered => "buffered",
        _ => throw new ArgumentOutOfRangeException(nameof(durability), durability, "unknown durability"),
    };

    /// <summary>Parses <c>durable</c> or <c>buffered</c>; null for anything else.</summary>
    public static PredictionLogDurability? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "durable" => PredictionLogDurability.Durable,
        "buffered" => PredictionLogDurability.Buffered,
        _ => null,
    };
}
