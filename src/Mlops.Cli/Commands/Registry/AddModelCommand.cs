using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary><c>mlops registry add MODEL_DIR</c>: stores a trained model folder by content hash and gives it a version.</summary>
public sealed class AddModelCommand : Command<AddModelCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL_DIR>")]
        [Description("A trained model folder: model.json (the model card) plus the model file(s).")]
        public string ModelDirectory { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the registration as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = ModelRegistry.OpenDefault();
        var registration = registry.Register(settings.ModelDirectory);
        if (settings.Json)
        {
            JsonOutput.Write(registration);
            return ExitCodes.Success;
        }

        var model = registration.Model;
        if (registration.AlreadyRegistered)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]already registered[/]: {settings.ModelDirectory} has the same content as [bold]{model.Version}[/] (artifact {RegistryText.Hash(model.ArtifactSha256)}…), stored once; stage {RegistryText.Stage(model.Stage)}");
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]registered[/] {settings.ModelDirectory} as [bold]{model.Version}[/] (candidate)");
        AnsiConsole.MarkupLineInterpolated(
            $"  artifact {RegistryText.Hash(model.ArtifactSha256)}… ({model.FileCount} files, {RegistryText.Size(model.SizeBytes)}) in {registry.Home}");
        AnsiConsole.MarkupLineInterpolated(
            $"  {model.Card.Trainer} trained on {model.Card.TrainingDataFile} ({RegistryText.Hash(model.Card.TrainingDataSha256)}…)");
        AnsiConsole.MarkupLineInterpolated($"  next: validate it, then 'mlops registry promote {model.Version}'");
        return ExitCodes.Success;
    }
}
