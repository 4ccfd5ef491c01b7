using Mlops.Core.Data;

namespace Mlops.Core.PredictionLog;

/// <summary>One piece of late ground truth: the key of the prediction it judges and the true class.</summary>
/// <param name="Key">The prediction id or the client's key, as text.</param>
/// <param name="Label">The true risk class.</param>
/// <param name="Where">Where it came from, for a report: "line 7" of a file, "index 3" of a request.</param>
public sealed record ArrivedLabel(string Key, RiskGroup Label, string Where);
