using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary><c>mlops registry rollback</c>: the previous production model back into production, the current one archived.</summary>
public sealed class RollbackCommand : Command<RollbackCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("Why: recorded with time and user in the history of both versions.")]
        public string? Reason { get; init; }

        [CommandOption("--problem <NAME>")]
        [Description("Roll back this problem's production model; needed only when several problems have one.")]
        public string? Problem { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = ModelRegistry.OpenDefault().Rollback(settings.Reason, settings.Problem);
        if (settings.Json)
        {
            JsonOutput.Write(result);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[green]rolled back[/] {result.Restored.Problem}: [bold]{result.Restored.Version}[/] is in production again, {result.RolledBack.Version} archived; production revision {result.ProductionRevision}");
        return ExitCodes.Success;
    }
}
