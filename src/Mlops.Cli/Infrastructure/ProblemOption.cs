using Mlops.Core.Problems;

namespace Mlops.Cli.Infrastructure;

/// <summary>The <c>--problem FILE</c> and <c>--separator C</c> options of the commands that read any problem's data.</summary>
/// <param name="Schema">The problem file, checked.</param>
/// <param name="Separator">The separator given, or null: detect it.</param>
public sealed record ProblemOption(ProblemSchema Schema, char? Separator)
{
    /// <summary>Null without <c>--problem</c> (the command reads the insurance data as before).</summary>
    public static ProblemOption? Read(string? problemFile, string? separator)
    {
        if (problemFile is null)
        {
            return separator is null ? null : throw new UsageException("--separator needs --problem FILE (the insurance data is ';'-separated)");
        }

        return new ProblemOption(ProblemSchemaFile.Load(problemFile), separator is null ? null : CsvSeparator.Parse(separator));
    }
}
