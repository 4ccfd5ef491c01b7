using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Problems;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Schema;

/// <summary><c>mlops schema infer DATA.csv --label COLUMN --out PROBLEM.json</c>: drafts a problem file from data, for the user to edit.</summary>
public sealed class InferSchemaCommand : Command<InferSchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A data file with a header line, ',' ';' '|' or tab separated (detected), quoted fields allowed; empty, NA, NaN, None, NULL or #N/A is a missing value; a column without a name (row names, as pandas and R write them) is skipped.")]
        public string File { get; init; } = "";

        [CommandOption("--label <COLUMN>")]
        [Description("The column the model is to predict: its values become the classes.")]
        public string? Label { get; init; }

        [CommandOption("--id <COLUMN>")]
        [Description("A column that names each row (never a feature).")]
        public string? Id { get; init; }

        [CommandOption("--ignore <COLUMN>")]
        [Description("A column that is neither feature nor label (repeatable).")]
        public string[] Ignore { get; init; } = [];

        [CommandOption("--separator <CHAR>")]
        [Description("The separator: ',', ';', '|' or 'tab' (default: detected from the header).")]
        public string? Separator { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The problem's name (letters, digits, '-', '_'; default: the file name).")]
        public string? Name { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the problem file (JSON).")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite --out if it exists (a problem file is usually edited by hand: it is kept by default).")]
        public bool Force { get; init; }

        [CommandOption("--json")]
        [Description("Print the drafted problem, the notes and where it was written as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Label))
            {
                return ValidationResult.Error("--label COLUMN is required: the column the model is to predict");
            }

            return string.IsNullOrWhiteSpace(Out)
                ? ValidationResult.Error("--out FILE is required: where to write the problem file")
                : ValidationResult.Success();
        }
    }

    /// <summary>What <c>--json</c> prints.</summary>
    public sealed record Output(string Out, string Separator, int Rows, IReadOnlyList<string> Notes, ProblemSchema Problem);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (File.Exists(settings.Out) && !settings.Force)
        {
            throw new UsageException($"{settings.Out} exists: edit it, or give --force to overwrite it");
        }

        var separator = settings.Separator is null ? (char?)null : CsvSeparator.Parse(settings.Separator);
        var inferred = SchemaInference.Infer(settings.File, settings.Label!, settings.Id, separator, settings.Ignore, settings.Name);
        ProblemSchemaFile.Write(settings.Out!, inferred.Schema);
        if (settings.Json)
        {
            JsonOutput.Write(new Output(settings.Out!, CsvSeparator.Name(inferred.Separator), inferred.Rows, inferred.Notes, inferred.Schema));
            return ExitCodes.Success;
        }

        SchemaView.Write(inferred.Schema);
        foreach (var note in inferred.Notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]note[/]: {note}");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[green]wrote[/] {settings.Out} from {inferred.Rows} rows ('{CsvSeparator.Name(inferred.Separator)}'-separated): a draft — review kinds, categories, validity bounds (\"valid\") and missing-value policies, then 'mlops schema show {settings.Out}'");
        return ExitCodes.Success;
    }
}
