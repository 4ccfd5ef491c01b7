using Mlops.Core.Data;
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

    /// <summary>
    /// Reads the talk's data without <c>--problem</c>: a <c>,</c>-separated file is refused at once, and any
    /// other data error says how to read another problem's file — a new user's first command on their own
    /// data must not end at "expected ';'" and nothing more.
    /// </summary>
    public static T ReadTheTalksData<T>(IEnumerable<string> paths, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(read);
        foreach (var path in paths)
        {
            var header = DataFile.Read(path, reader => DataFile.Lines(reader).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))) ?? "";
            // Only a header that uses another separator is refused here; anything else the reading says.
            if (InsuranceCsvFormat.OtherSeparator(header) is not null)
            {
                throw new DataFormatException(path, 1, null, InsuranceCsvFormat.SeparatorProblem(header)!);
            }
        }

        try
        {
            return read();
        }
        catch (DataFormatException e) when (!e.Message.EndsWith(InsuranceCsvFormat.OtherProblemHint, StringComparison.Ordinal))
        {
            throw new DataFormatException(e.Message + InsuranceCsvFormat.OtherProblemHint, e);
        }
    }
}
