namespace Mlops.Core.Monitoring;

/// <summary>The answer of <see cref="MonitorRoutes.Ping"/>.</summary>
public sealed record MonitorPing(string Status, string Service, IReadOnlyList<string> Datasets);

/// <summary>The answer of <see cref="MonitorRoutes.Iterate"/>: rows taken, the window, and whether drift was computed now.</summary>
public sealed record RowsAccepted(int Rows, int WindowRows, long RowsReceived, bool Calculated, bool? DatasetDrift);

/// <summary>One entry of <see cref="MonitorRoutes.Datasets"/>.</summary>
public sealed record DatasetSummary(string Dataset, int WindowRows, long RowsReceived, bool? DatasetDrift, DateTimeOffset? LastCalculated);
