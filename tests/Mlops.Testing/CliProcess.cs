using System.Diagnostics;

namespace Mlops.Testing;

/// <summary>
/// Runs the real <c>mlops</c> CLI as a child process (<c>dotnet mlops.dll …</c>), the way a user does.
/// The CLI assembly is copied next to the tests by the project reference.
/// </summary>
public static class CliProcess
{
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "mlops.dll");

    public static Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, workingDirectory: null, environment: null);

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> args,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(StartInfo(args, workingDirectory, environment), timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>A start description for <c>dotnet mlops.dll args</c>, for tests that manage the process themselves (services).</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Plain output: no colours or live widgets when a test reads it.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }
}
