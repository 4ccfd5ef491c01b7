namespace Mlops.Core.PredictionLog;

/// <summary>One piece of late ground truth: the key of the prediction it judges and the true class.</summary>
/// <param name="Key">The prediction id or the client's key, as text.</param>
/// <param name="Label">The true class's index in the problem's class order (the log's <c>category</c>).</param>
/// <param name="Where">Where it came from, for a report: "line 7" of a file, "index 3" of a request.</param>
public sealed record ArrivedLabel(string Key, int Label, string Where);
