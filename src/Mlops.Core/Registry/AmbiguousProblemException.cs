namespace Mlops.Core.Registry;

/// <summary>A stage command without <c>--problem</c> on a registry whose models belong to several problems.</summary>
public sealed class AmbiguousProblemException : InvalidInputException
{
    public AmbiguousProblemException()
    {
    }

    public AmbiguousProblemException(string message)
        : base(message)
    {
    }

    public AmbiguousProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
