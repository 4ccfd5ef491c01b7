using System.Diagnostics;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>
/// Runs a notebook the way CI and a user without an editor do: <c>dotnet tool run dotnet-repl --run X
/// --exit-after-run --output-path Y</c> (the tool is pinned in .config/dotnet-tools.json; ./test.sh
/// restores it). The kernel starts in notebooks/, where the notebooks' relative paths point from.
/// dotnet-repl runs every cell even after one failed, records each error in the executed copy and
/// exits non-zero.
/// </summary>
internal static class NotebookRunner
{
    /// <summary>Executed copies of the committed notebooks, kept beside the test output for a look after a failure.</summary>
    public static string ExecutedFolder => Path.Combine(AppContext.BaseDirectory, "executed-notebooks");

    public static string Committed(string name) => Path.Combine(RepositoryPaths.Notebooks, name);

    /// <summary>Runs a committed notebook; the executed copy goes to <see cref="ExecutedFolder"/>.</summary>
    public static Task<NotebookRun> RunCommittedAsync(string name)
    {
        Directory.CreateDirectory(ExecutedFolder);
        return RunAsync(Committed(name), Path.Combine(ExecutedFolder, name));
    }

    public static async Task<NotebookRun> RunAsync(string notebook, string executedCopy)
    {
        File.Delete(executedCopy);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Notebooks };
        foreach (var arg in new[] { "tool", "run", "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-format", "ipynb", "--output-path", executedCopy })
        {
            start.ArgumentList.Add(arg);
        }

        // Numbers print the same on every machine: the invariant culture.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        var result = await ProcessRunner.RunAsync(start, TimeSpan.FromMinutes(5));
        if (!File.Exists(executedCopy))
        {
            throw new InvalidOperationException(
                $"dotnet-repl wrote no executed copy of {notebook} (is the tool restored? `dotnet tool restore`)\n{result}");
        }

        return new NotebookRun(notebook, result, NotebookDocument.Load(executedCopy));
    }
}
