using Mlops.Cli.Stack;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>The start and liveness check of the background processes <c>mlops up</c> and <c>mlops demo</c> start.</summary>
public sealed class BackgroundProcessTests
{
    /// <summary>
    /// A started process goes through three programs (setsid, sh, then the command), and while the
    /// kernel swaps one for the next its command line reads empty. Taken for "not running", that made
    /// a healthy service look as if it had "exited during start-up" — and it was left running.
    /// </summary>
    [Fact]
    public async Task A_process_counts_as_running_through_every_exec_of_its_start()
    {
        using var temp = new TemporaryDirectory("mlops-background");
        string[] command = ["/bin/sleep", "3"];
        var pid = BackgroundProcess.Start(command, temp.File("sleep.log"), new Dictionary<string, string>());
        try
        {
            var checks = 0;
            var until = DateTime.UtcNow + TimeSpan.FromMilliseconds(500);
            while (DateTime.UtcNow < until)
            {
                Assert.True(BackgroundProcess.IsRunning(pid, command), $"pid {pid} read as not running at check {checks}");
                checks++;
            }

            Assert.True(checks > 100, $"only {checks} checks in 500 ms");
        }
        finally
        {
            Assert.True(await BackgroundProcess.StopAsync(pid, command, TimeSpan.FromSeconds(5)));
        }

        Assert.False(BackgroundProcess.IsRunning(pid, command));
    }
}
