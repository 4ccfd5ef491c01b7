namespace Mlops.Core.Drift;

/// <summary>The drift tests we provide, by Evidently's names, with Evidently's defaults.</summary>
public static class StatTests
{
    public static StatTest KolmogorovSmirnov { get; } = new(
        "ks", "K-S p_value", DriftScoreKind.PValue, 0.05, numerical: true, categorical: false,
        (r, c, _) => Drift.KolmogorovSmirnov.TwoSample(r, c).PValue, driftAtThreshold: true);

    public static StatTest ChiSquare { get; } = new(
        "chisquare", "chi-square p_value", DriftScoreKind.PValue, 0.05, numerical: true, categorical: true,
        (r, c, _) => ChiSquareTest.PValue(r, c), driftAtThreshold: false);

    public static StatTest ZTest { get; } = new(
        "z", "Z-test p_value", DriftScoreKind.PValue, 0.05, numerical: true, categorical: true,
        (r, c, _) => ProportionsZTest.PValue(r, c), driftAtThreshold: false);

    public static StatTest Wasserstein { get; } = new(
        "wasserstein", "Wasserstein distance (normed)", DriftScoreKind.Distance, 0.1, numerical: true, categorical: false,
        (r, c, _) => WassersteinDistance.Normed(r, c), driftAtThreshold: true);

    public static StatTest JensenShannon { get; } = new(
        "jensenshannon", "Jensen-Shannon distance", DriftScoreKind.Distance, 0.1, numerical: true, categorical: true,
        InformationDistances.JensenShannon, driftAtThreshold: true);

    public static StatTest PopulationStabilityIndex { get; } = new(
        "psi", "PSI", DriftScoreKind.Distance, 0.1, numerical: true, categorical: true,
        InformationDistances.PopulationStabilityIndex, driftAtThreshold: true);

    public static StatTest KullbackLeibler { get; } = new(
        "kl_div", "Kullback-Leibler divergence", DriftScoreKind.Distance, 0.1, numerical: true, categorical: true,
        InformationDistances.KullbackLeibler, driftAtThreshold: true);

    public static IReadOnlyList<StatTest> All { get; } =
        [KolmogorovSmirnov, ChiSquare, ZTest, Wasserstein, JensenShannon, PopulationStabilityIndex, KullbackLeibler];

    public static StatTest? Find(string name) => All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(t => t.Name));
}
