using System.ComponentModel;
using Mlops.Core.PredictionLog;
using Mlops.Core.Registry;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Labels;

/// <summary>What every command that reads the production record takes: where the log is, and JSON output.</summary>
public class RecordSettings : CommandSettings
{
    [CommandOption("--prediction-log <TARGET>")]
    [Description("sqlite:PATH or postgres:CONNECTION-STRING; default sqlite:$MLOPS_HOME/predictions.db (where mlops serve writes).")]
    public string? PredictionLog { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON.")]
    public bool Json { get; init; }

    public PredictionLogTarget Target() =>
        PredictionLog is null ? PredictionLogTarget.DefaultIn(RegistryHome.Resolve()) : PredictionLogTarget.Parse(PredictionLog);
}
