namespace Mlops.Core.Data;

/// <summary>
/// Opens a data file for a reader and turns what can go wrong with the file itself (missing, a
/// directory, unreadable) into a one-line <see cref="DataFormatException"/> naming it.
/// </summary>
public static class DataFile
{
    public static T Read<T>(string path, Func<TextReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(read);
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, expected a ';'-separated data file");
        }

        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found");
        }

        try
        {
            using var reader = new StreamReader(path);
            return read(reader);
        }
        catch (IOException e)
        {
            throw new DataFormatException(path, null, null, $"cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataFormatException(path, null, null, $"cannot read: {e.Message}");
        }
    }

    /// <summary>The lines of a reader, read as they are enumerated.</summary>
    public static IEnumerable<string> Lines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
