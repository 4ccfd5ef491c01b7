using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Labels;

/// <summary>
/// <c>mlops labels add FILE --key prediction_id|request_id --label COLUMN</c>: the talk's late ground
/// truth, joined to the predictions it judges in the prediction log's own database.
/// </summary>
public sealed class AddLabelsCommand : AsyncCommand<AddLabelsCommand.Settings>
{
    public sealed class Settings : RecordSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A ';'- or ','-separated file with a header: one row per label.")]
        public string File { get; init; } = "";

        [CommandOption("--key <COLUMN>")]
        [Description("Which key the file names the predictions by: prediction_id (the service's id) or request_id (the client's own key).")]
        [DefaultValue("prediction_id")]
        public string Key { get; init; } = "prediction_id";

        [CommandOption("--problem <FILE>")]
        [Description("The problem file whose classes the labels name (the served model's); default the registry's production model's problem, else the talk's insurance problem.")]
        public string? Problem { get; init; }

        [CommandOption("--label <COLUMN>")]
        [Description("The column with the true class: the problem's class value or name (insurance: 0, 1, 2 or high, medium, low, the seed's 'group').")]
        [DefaultValue("group")]
        public string Label { get; init; } = "group";

        public override ValidationResult Validate() =>
            LabelKeys.Parse(Key) is null
                ? ValidationResult.Error($"--key must be prediction_id or request_id, got '{Key}'")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var key = LabelKeys.Parse(settings.Key)!.Value;

        // The whole file is read and checked before anything is stored: a bad row stores nothing.
        var problem = settings.Problem is null ? ProductionProblem() : ProblemSchemaFile.Load(settings.Problem);
        var labels = LabelFileReader.Read(settings.File, key, settings.Label, problem);
        var target = settings.Target();
        await using var log = await target.OpenAsync(PredictionLogColumns.For(problem), cancellationToken: cancellationToken);
        var report = await log.Labels.AddAsync(key, labels, DateTimeOffset.UtcNow, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            Show(report, settings.File, target);
        }

        return report.Conflicts > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    /// <summary>
    /// Without --problem: the problem of the model in production (the one a service following the
    /// registry answered with), else the talk's. Looking it up never creates a registry.
    /// </summary>
    private static ProblemSchema ProductionProblem()
    {
        var location = RegistryLocation.Resolve();
        if (!location.HasCatalog)
        {
            return ProblemSchema.Insurance;
        }

        try
        {
            return ModelRegistry.Open(location).ProductionProblem() ?? ProblemSchema.Insurance;
        }
        catch (AmbiguousProblemException e)
        {
            throw new UsageException($"{e.Message.Replace("--problem NAME", "--problem FILE", StringComparison.Ordinal)} (the problem file of the model that answered the predictions)", e);
        }
    }

    private static void Show(LabelReport report, string file, PredictionLogTarget target)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"[green]labels[/] {file} → {target}: {report.Received} received, {report.Stored} predictions labeled, {report.AlreadyKnown} already known");
        if (report.Unknown > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  [yellow]{report.Unknown} unknown keys[/] (no logged prediction), e.g. {string.Join(", ", report.UnknownExamples)}");
        }

        if (report.Conflicts > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{report.Conflicts} conflicts[/] (a different label for the same prediction; the first stays), e.g. {string.Join(", ", report.ConflictExamples)}");
        }
    }
}
