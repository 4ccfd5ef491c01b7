using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary>
/// <c>mlops registry promote VERSION</c>: the quality gate. Only a version whose latest validation
/// passed goes into production (exit 1 otherwise, listing the failed checks); <c>--force</c> with a
/// <c>--reason</c> overrides it, and the reason stays in the version's history.
/// </summary>
public sealed class PromoteModelCommand : Command<PromoteModelCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<VERSION>")]
        [Description("vN (e.g. v3) or a prefix of at least 4 hex digits of the artifact hash.")]
        public string Version { get; init; } = "";

        [CommandOption("--force")]
        [Description("Promote even though the gate refuses (never validated or failed checks); needs --reason.")]
        public bool Force { get; init; }

        [CommandOption("--reason <TEXT>")]
        [Description("Why: recorded with time and user in the version's history (required with --force).")]
        public string? Reason { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Force && string.IsNullOrWhiteSpace(Reason)
                ? ValidationResult.Error("--force needs --reason TEXT: a forced promotion is recorded with its reason")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = ModelRegistry.OpenDefault().Promote(settings.Version, settings.Force, settings.Reason);
        var exit = result.Outcome == PromotionOutcome.Refused ? ExitCodes.CheckFailed : ExitCodes.Success;
        if (settings.Json)
        {
            JsonOutput.Write(result);
            return exit;
        }

        PromotionView.Write(AnsiConsole.Console, result, settings.Reason);
        return exit;
    }
}
