namespace Mlops.Core.Monitoring;

/// <summary>What <c>GET /datasets/{dataset}/drift</c> answers: the reference, the window, the latest report and the history, oldest first; and what the late labels say, when the monitor follows a prediction log.</summary>
public sealed record DatasetStatus(
    string Dataset,
    ReferenceInfo Reference,
    WindowInfo Window,
    WindowDrift? Latest,
    IReadOnlyList<WindowDrift> History,
    DatasetRealised? Realised = null);

/// <summary>The reference a dataset is compared with; <paramref name="PredictionReference"/> is the reference column prediction drift uses (the prediction, else the target labels).</summary>
public sealed record ReferenceInfo(string File, string Hash, int Rows, IReadOnlyList<string> Features, string? Prediction, string? PredictionReference);

/// <summary>The sliding window's state.</summary>
public sealed record WindowInfo(int Size, int Rows, long RowsReceived, double CalculationPeriodSeconds);
