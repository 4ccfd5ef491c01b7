using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary><c>mlops registry checkout VERSION --out DIR</c>: a verified copy of a stored model folder.</summary>
public sealed class CheckOutModelCommand : Command<CheckOutModelCommand.Settings>
{
    public sealed class Settings : VersionSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("A new folder to copy the model into (must not exist).")]
        public string? Out { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required: the new folder to copy the model into") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var artifact = ModelRegistry.OpenDefault().CheckOut(settings.Version, settings.Out!);
        if (settings.Json)
        {
            JsonOutput.Write(artifact);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[green]checked out[/] {artifact.Model.Version} to {artifact.Path} ({artifact.Model.FileCount} files, SHA-256 verified)");
        return ExitCodes.Success;
    }
}
