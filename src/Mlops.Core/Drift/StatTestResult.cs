namespace Mlops.Core.Drift;

/// <summary>What one drift test says about one column: its score, the threshold it used and the verdict.</summary>
/// <param name="Test">The test's name as Evidently spells it (<c>ks</c>, <c>wasserstein</c>, …).</param>
/// <param name="Score">A p-value for the hypothesis tests, a distance for the others.</param>
/// <param name="Threshold">The significance level or distance threshold that decided <paramref name="Drifted"/>.</param>
/// <param name="Drifted">The column drifted.</param>
public readonly record struct StatTestResult(string Test, double Score, double Threshold, bool Drifted);
