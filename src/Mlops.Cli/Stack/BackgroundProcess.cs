using System.Diagnostics;
using System.Globalization;

namespace Mlops.Cli.Stack;

/// <summary>
/// Starts a process that outlives <c>mlops up</c>: in its own session (<c>setsid</c>, so closing the
/// terminal or a later Ctrl-C does not reach it), stdout and stderr appended to a log file, stdin
/// from /dev/null. Stops one with SIGTERM (a clean shutdown: the service drains its prediction log),
/// then SIGKILL if it does not exit in time.
/// </summary>
public static class BackgroundProcess
{
    private const string SetSid = "/usr/bin/setsid";

    /// <summary>Starts <paramref name="command"/> and returns its PID (the shell execs it, so the PID stays the process's).</summary>
    public static int Start(IReadOnlyList<string> command, string log, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(File.Exists(SetSid) ? SetSid : "/bin/sh") { UseShellExecute = false };
        if (File.Exists(SetSid))
        {
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" </dev/null >>\"$MLOPS_UP_LOG\" 2>&1");
        start.ArgumentList.Add("sh");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["MLOPS_UP_LOG"] = log;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        return process.Id;
    }

    /// <summary>Alive (not a zombie) and still the process we started: its command line holds every identifying argument.</summary>
    public static bool IsRunning(int pid, IReadOnlyList<string> identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var proc = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            var stat = File.ReadAllText(Path.Combine(proc, "stat"));
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 2)[0];
            if (state is "Z" or "X")
            {
                return false;
            }

            var commandLine = File.ReadAllText(Path.Combine(proc, "cmdline"));

            // In the middle of an exec (setsid → sh → dotnet) the kernel shows an empty command line for a moment: alive, between programs.
            return commandLine.Length == 0 || identity.All(commandLine.Split('\0').Contains);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL. Returns false if it had to be killed.</summary>
    public static async Task<bool> StopAsync(int pid, IReadOnlyList<string> identity, TimeSpan grace)
    {
        if (!IsRunning(pid, identity))
        {
            return true;
        }

        await SignalAsync(pid, "TERM");
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning(pid, identity))
            {
                return true;
            }

            await Task.Delay(100);
        }

        await SignalAsync(pid, "KILL");
        for (var i = 0; i < 50 && IsRunning(pid, identity); i++)
        {
            await Task.Delay(100);
        }

        return false;
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-" + signal);
        start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start)!;
        await kill.StandardError.ReadToEndAsync();
        await kill.WaitForExitAsync();
    }
}
