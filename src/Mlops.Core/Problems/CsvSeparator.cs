namespace Mlops.Core.Problems;

/// <summary>The separators a data file may use; without one given, the reader detects it from the header.</summary>
public static class CsvSeparator
{
    /// <summary>Reads a <c>--separator</c> value: one of <c>, ; | tab</c> (<c>\t</c> and a literal tab work too).</summary>
    public static char Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text switch
        {
            "," or ";" or "|" => text[0],
            "tab" or "\\t" or "\t" => '\t',
            _ => throw new InvalidInputException($"separator '{(text.Length > 10 ? text[..10] + "..." : text)}' is not supported: use ',', ';', '|' or 'tab'"),
        };
    }

    public static string Name(char separator) => separator == '\t' ? "tab" : separator.ToString();
}
