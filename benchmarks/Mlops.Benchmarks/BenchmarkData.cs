namespace Mlops.Benchmarks;

/// <summary>Where benchmarks find the repository's seed data, whatever folder BenchmarkDotNet runs them from.</summary>
internal static class BenchmarkData
{
    public static string SeedData { get; } = FindSeedData();

    public static string SeedFile(string name) => Path.Combine(SeedData, name);

    private static string FindSeedData()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "mlops.slnx")))
                {
                    return Path.Combine(dir.FullName, "seed-data");
                }
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
