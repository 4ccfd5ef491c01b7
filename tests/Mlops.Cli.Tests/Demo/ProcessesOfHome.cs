using System.Globalization;

namespace Mlops.Cli.Tests.Demo;

/// <summary>
/// Every process on this machine started with a given <c>MLOPS_HOME</c>: the demo gives its service and
/// monitor its own, so any such process after the demo ended is one it left behind. Read from
/// <c>/proc/PID/environ</c>, independent of what the demo says it started.
/// </summary>
internal static class ProcessesOfHome
{
    public static IReadOnlyList<int> Find(string home)
    {
        var wanted = $"MLOPS_HOME={home}";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (environment.Contains(wanted) && !IsZombie(dir))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process: not one the demo started.
            }
        }

        return found;
    }

    private static bool IsZombie(string dir)
    {
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }
}
