namespace Mlops.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>mlops.slnx</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The seed's original data: reference.csv and month-1.csv … month-36.csv.</summary>
    public static string SeedData => Path.Combine(Root, "seed-data");

    /// <summary>The exploration and analysis notebooks; also the folder they run in (their paths are relative to it).</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string SeedFile(string name) => Path.Combine(SeedData, name);

    public static string SeedMonth(int month) => SeedFile(month == 0 ? "reference.csv" : $"month-{month}.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "mlops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no mlops.slnx above {AppContext.BaseDirectory}");
    }
}
