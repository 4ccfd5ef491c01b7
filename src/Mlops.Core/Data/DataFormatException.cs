namespace Mlops.Core.Data;

/// <summary>
/// A data file that cannot be read. The message is one line naming file, line and column,
/// fit to show a user as is.
/// </summary>
public sealed class DataFormatException : InvalidInputException
{
    public DataFormatException()
    {
    }

    public DataFormatException(string message)
        : base(message)
    {
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataFormatException(string file, int? line, string? column, string problem)
        : base(Format(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }

    public int? Line { get; }

    public string? Column { get; }

    private static string Format(string file, int? line, string? column, string problem)
    {
        var where = line is null ? file : $"{file}:{line}";
        return column is null ? $"{where}: {problem}" : $"{where}: column '{column}': {problem}";
    }
}
