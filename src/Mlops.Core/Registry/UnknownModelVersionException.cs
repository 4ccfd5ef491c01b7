namespace Mlops.Core.Registry;

/// <summary>A version name or hash prefix that names no registered model, or more than one.</summary>
public sealed class UnknownModelVersionException : InvalidInputException
{
    public UnknownModelVersionException()
    {
    }

    public UnknownModelVersionException(string message)
        : base(message)
    {
    }

    public UnknownModelVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
