using Mlops.Cli.Infrastructure;
using Mlops.Cli.Stack;

namespace Mlops.Cli.Demo;

/// <summary>
/// The demo's own folder, so it never touches a user's registry: <c>data/</c> (when generated),
/// <c>home/</c> (the registry and prediction log: the demo's <c>MLOPS_HOME</c>, with the service's and
/// monitor's logs under <c>home/run/</c>), <c>models/</c> and <c>report.html</c>. A folder of an earlier
/// demo is emptied and reused; any other non-empty folder is refused.
/// </summary>
public sealed class DemoWorkspace
{
    /// <summary>Marks a folder as the demo's, so emptying it never deletes someone's files.</summary>
    public const string MarkerFile = ".mlops-demo";

    private DemoWorkspace(string root)
    {
        Root = root;
        Stack = new StackLayout(Home);
    }

    public string Root { get; }

    public string Data => Path.Combine(Root, "data");

    /// <summary>The demo's <c>MLOPS_HOME</c>: registry, artifacts, prediction log, run state.</summary>
    public string Home => Path.Combine(Root, "home");

    public string Models => Path.Combine(Root, "models");

    public string Report => Path.Combine(Root, "report.html");

    /// <summary>Where the started processes are recorded (state file, logs): what <c>mlops down</c> reads.</summary>
    public StackLayout Stack { get; }

    public string Model(string name) => Path.Combine(Models, name);

    /// <summary>Creates the folder, or empties an earlier demo's (refusing one whose services still run).</summary>
    /// <exception cref="UsageException">Not an earlier demo's folder, or its services still run.</exception>
    public static DemoWorkspace Prepare(string workdir)
    {
        var root = Path.GetFullPath(workdir);
        var workspace = new DemoWorkspace(root);
        if (File.Exists(root))
        {
            throw new UsageException($"--workdir {workdir}: is a file, not a folder");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, MarkerFile)))
            {
                throw new UsageException($"--workdir {workdir}: the folder exists and was not made by mlops demo; choose a new or empty folder");
            }

            if (StackState.Load(workspace.Stack) is { } state && state.Processes.Any(p => p.IsRunning))
            {
                throw new UsageException(
                    $"--workdir {workdir}: an earlier demo's services still run there (--keep-running); stop them with 'MLOPS_HOME={workspace.Home} ./mlops down' or choose another --workdir");
            }

            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, MarkerFile), "made by mlops demo: emptied and reused by the next run\n");
        return workspace;
    }

    /// <summary>Whether <paramref name="folder"/> lies inside this workspace (it would be emptied by the next run).</summary>
    public static bool Contains(string workdir, string folder)
    {
        var root = Path.GetFullPath(workdir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal);
    }
}
