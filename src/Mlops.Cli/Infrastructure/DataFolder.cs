namespace Mlops.Cli.Infrastructure;

/// <summary>
/// Where <c>mlops simulate</c> and <c>mlops up</c> find the data when no <c>--data</c> is given: the
/// user's own <c>data/</c> (what <c>mlops data generate --out data</c> writes) if it is there, else the
/// seed's original <c>seed-data/</c>; both relative to the working directory (the repository root).
/// </summary>
public static class DataFolder
{
    public static readonly string[] Candidates = ["data", "seed-data"];

    /// <summary>The folder given, or the first candidate holding <paramref name="file"/>.</summary>
    public static string Resolve(string? given, string file)
    {
        if (given is not null)
        {
            if (!Directory.Exists(given))
            {
                throw new UsageException($"--data '{given}': no such folder");
            }

            return Path.GetFullPath(given);
        }

        foreach (var candidate in Candidates)
        {
            if (File.Exists(Path.Combine(candidate, file)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new UsageException($"no data: neither data/{file} nor seed-data/{file} here; give --data DIR or run 'mlops data generate --out data'");
    }
}
