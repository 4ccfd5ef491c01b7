namespace Mlops.Core;

/// <summary>
/// Base of every error caused by what a user gave us (a file, a model folder, a version name)
/// rather than by a bug. Hosts show its message as one line: the CLI exits with 2, the web APIs answer 4xx.
/// </summary>
public class InvalidInputException : Exception
{
    public InvalidInputException()
    {
    }

    public InvalidInputException(string message)
        : base(message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
