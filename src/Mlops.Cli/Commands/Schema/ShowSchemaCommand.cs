using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Problems;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Schema;

/// <summary><c>mlops schema show PROBLEM.json</c>: a problem file checked and printed as tables.</summary>
public sealed class ShowSchemaCommand : Command<ShowSchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A problem file (JSON), e.g. config/insurance.problem.json.")]
        public string File { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the problem as JSON (as the loader read it).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var schema = ProblemSchemaFile.Load(settings.File);
        if (settings.Json)
        {
            JsonOutput.Write(schema);
            return ExitCodes.Success;
        }

        SchemaView.Write(schema);
        return ExitCodes.Success;
    }
}
