using Mlops.Core.Data;

namespace Mlops.Core.Analysis;

/// <summary>One month of production requests, labeled or not.</summary>
public sealed record MonthData(int Month, InsuranceDataset Data);
