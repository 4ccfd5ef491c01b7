namespace Mlops.Monitoring.Tests;

/// <summary>Made-up insurance rows for <see cref="DriftMonitor.Add"/>: every feature and a prediction, varied enough for each test to run.</summary>
public static class SyntheticRows
{
    public static IEnumerable<IReadOnlyDictionary<string, double>> Insurance(int count) =>
        Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["training"] = i % 5 == 0 ? 1 : 0,
            ["age"] = 20 + i,
            ["emergency_braking"] = i % 2,
            ["braking_distance"] = 40 + (i % 7),
            ["power"] = 100 + i,
            ["miles"] = 10 + (i % 11),
            ["prediction"] = i % 3,
        });
}
