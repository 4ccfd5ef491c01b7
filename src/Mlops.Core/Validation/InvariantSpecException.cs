namespace Mlops.Core.Validation;

/// <summary>An invariant spec file that is missing, not JSON, or holds impossible bounds.</summary>
public sealed class InvariantSpecException : InvalidInputException
{
    public InvariantSpecException()
    {
    }

    public InvariantSpecException(string message)
        : base(message)
    {
    }

    public InvariantSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
