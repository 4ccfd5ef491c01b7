using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Data;

/// <summary><c>mlops data add FILE</c>: registers a data file by content hash with its column statistics.</summary>
public sealed class AddDataCommand : Command<AddDataCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A data file: the seed's ';'-separated insurance format, or any problem's CSV with --problem.")]
        public string File { get; init; } = "";

        [CommandOption("--problem <FILE>")]
        [Description("Problem file whose data this is: the file is checked and described by its schema. Without it: the talk's insurance data.")]
        public string? Problem { get; init; }

        [CommandOption("--separator <C>")]
        [Description("Column separator of a --problem data file: ',' ';' or 'tab' (default: detected).")]
        public string? Separator { get; init; }

        [CommandOption("--json")]
        [Description("Print the registration as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problem = ProblemOption.Read(settings.Problem, settings.Separator);
        var registry = ModelRegistry.OpenDefault();
        var registration = registry.RegisterDataset(settings.File, problem?.Schema, problem?.Separator);
        if (settings.Json)
        {
            JsonOutput.Write(registration);
            return ExitCodes.Success;
        }

        var dataset = registration.Dataset;
        var sha = ArtifactManifest.Abbreviate(dataset.Sha256);
        if (registration.AlreadyRegistered)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]already registered[/]: {settings.File} has the same bytes as {dataset.FileName} (sha256 {sha}…), stored once");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[green]registered[/] {settings.File} as dataset {sha}… ({dataset.Rows} rows) in {registry.Home}");
        }

        AnsiConsole.MarkupLineInterpolated($"  sha256 {dataset.Sha256}");
        return ExitCodes.Success;
    }
}
