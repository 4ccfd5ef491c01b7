namespace Mlops.Core.Registry;

/// <summary>A dataset hash that names no registered dataset.</summary>
public sealed class UnknownDatasetException : InvalidInputException
{
    public UnknownDatasetException()
    {
    }

    public UnknownDatasetException(string message)
        : base(message)
    {
    }

    public UnknownDatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
