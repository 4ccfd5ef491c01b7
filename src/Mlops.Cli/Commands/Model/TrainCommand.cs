using System.ComponentModel;
using System.Diagnostics;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Lifecycle;
using Mlops.Core.Problems;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// <c>mlops train</c>: trains a problem's model on labeled data and writes the model folder — the
/// talk's insurance problem by default, any problem with <c>--problem FILE</c>; one trainer for both
/// (<see cref="ProblemModelTrainer"/>: imputation, one-hot, the sweet spots a problem file turns on).
/// </summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <FILE>")]
        [Description("Labeled data file to train on, e.g. seed-data/reference.csv (';'-separated insurance data, or any problem's CSV with --problem).")]
        public string? Data { get; init; }

        [CommandOption("-m|--model|--out <DIR>")]
        [Description("Model folder to write (model.zip and model.json); an existing model there is replaced.")]
        public string? Model { get; init; }

        [CommandOption("--problem <FILE>")]
        [Description("Problem file (e.g. from 'mlops schema infer'): train its model (missing values imputed per the file, categories one-hot, the feature engineering its training section turns on; lightgbm unless it names a trainer); the card embeds the problem. Without it: the talk's insurance problem (config/insurance.problem.json).")]
        public string? Problem { get; init; }

        [CommandOption("--separator <C>")]
        [Description("Column separator of a --problem data file: ',' ';' or 'tab' (default: detected).")]
        public string? Separator { get; init; }

        [CommandOption("--trainer <NAME>")]
        [Description("ML.NET trainer: maxent (multinomial logistic regression) or lightgbm (regularised boosted trees). Default: the problem file's training.trainer (the insurance file: maxent), else lightgbm.")]
        public string? Trainer { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the train/test split and the trainer; the same data and seed give the same model.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--json")]
        [Description("Print the model card as JSON instead of a table.")]
        public bool Json { get; init; }

        [CommandOption("--register")]
        [Description("Also register the training data and the new model in the registry ($MLOPS_HOME, default .mlops/) as a candidate.")]
        public bool Register { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data))
            {
                return ValidationResult.Error("--data FILE is required: the labeled data to train on");
            }

            return string.IsNullOrWhiteSpace(Model)
                ? ValidationResult.Error("--model DIR is required: the folder to write the model into")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Without --problem: the talk's insurance problem file, whose training section asks for maxent on sweet spots.
        var option = ProblemOption.Read(settings.Problem, settings.Separator);
        var problem = option?.Schema ?? ProblemSchema.Insurance;
        var trainer = TrainerKinds.Parse(settings.Trainer ?? problem.Training?.Trainer ?? TrainerKind.LightGbm.Name());
        var options = new TrainingOptions { Trainer = trainer, Seed = settings.Seed };
        var sweetSpots = SweetSpots.IsTurnedOn(problem);
        var stopwatch = Stopwatch.StartNew();

        // Progress goes to stderr so that stdout stays the result (a table, or JSON for scripts).
        var card = StandardErrorConsole.Create().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var stages = Enum.GetValues<TrainingStage>();
                var task = progress.AddTask("training", maxValue: stages.Length);
                var reporter = new SynchronousProgress<TrainingStage>(stage =>
                {
                    task.Description = Describe(stage, sweetSpots);
                    task.Value = Array.IndexOf(stages, stage);
                });
                var saved = option is null
                    ? ProblemOption.ReadTheTalksData([settings.Data!], () => ModelLifecycle.Train(settings.Data!, problem, null, options, settings.Model!, reporter, cancellationToken))
                    : ModelLifecycle.Train(settings.Data!, problem, option.Separator, options, settings.Model!, reporter, cancellationToken);
                task.Value = stages.Length;
                return saved;
            });

        // Without validation: a candidate the gate refuses until 'mlops validate' records its evidence.
        // The registry is opened (created) only now: a failed training leaves none behind.
        var registered = settings.Register ? new ModelLifecycle(ModelRegistry.OpenDefault(), InvariantSpec.Default).Register(settings.Model!, settings.Data!) : null;
        if (settings.Json)
        {
            JsonOutput.Write(card);
            return ExitCodes.Success;
        }

        AnsiConsole.Write(ModelCardView.Table(card));
        AnsiConsole.MarkupLineInterpolated(
            $"[green]trained[/] {card.Trainer} on {card.TrainingDataFile} and wrote [bold]{settings.Model}[/] in {stopwatch.Elapsed.TotalSeconds:F1} s");
        if (registered is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]registered[/] as [bold]{registered.Model.Version}[/] ({(registered.AlreadyRegistered ? "same content as before" : "candidate")})");
        }

        AnsiConsole.MarkupLineInterpolated($"next: [bold]mlops validate -d {settings.Data} -m {settings.Model}[/]");
        return ExitCodes.Success;
    }

    private static string Describe(TrainingStage stage, bool sweetSpots) => stage switch
    {
        TrainingStage.ReadingData => "reading data",
        TrainingStage.Splitting => "stratified 80/20 split",
        TrainingStage.EngineeringFeatures => sweetSpots ? "finding sweet spots" : "imputing and encoding",
        TrainingStage.Fitting => "fitting",
        TrainingStage.Evaluating => "evaluating",
        _ => stage.ToString(),
    };
}
