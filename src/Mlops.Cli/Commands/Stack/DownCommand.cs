using Mlops.Cli.Infrastructure;
using Mlops.Cli.Stack;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Stack;

/// <summary><c>mlops down</c>: stops what <c>mlops up</c> started (SIGTERM, a wait, then SIGKILL) and removes the state file. Nothing running is not an error.</summary>
public sealed class DownCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var stack = new LocalDeployment(new StackLayout(RegistryHome.Resolve()), LogLines.Unwrapped(AnsiConsole.Console));
        var state = StackState.Load(stack.Layout);
        if (state is null)
        {
            AnsiConsole.MarkupLineInterpolated($"nothing is running (no {stack.Layout.StateFile})");
            return ExitCodes.Success;
        }

        await stack.StopAsync(state);
        AnsiConsole.MarkupLineInterpolated($"mlops is down; the logs stay in {stack.Layout.RunFolder}");
        return ExitCodes.Success;
    }
}
