namespace Mlops.Core.Models;

/// <summary>
/// A model folder that cannot be used: missing, truncated, corrupt, or made for another input
/// schema. The message is one line naming the folder or file and what is wrong.
/// </summary>
public sealed class ModelFormatException : InvalidInputException
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
