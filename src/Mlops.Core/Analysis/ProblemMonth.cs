using Mlops.Core.Problems;

namespace Mlops.Core.Analysis;

/// <summary>One month of production requests of any problem, labeled or not.</summary>
public sealed record ProblemMonth(int Month, ProblemDataset Data);
