namespace Mlops.Core.Registry;

/// <summary>A stage change the registry's state does not allow, e.g. a rollback with no previous production model.</summary>
public sealed class StageTransitionException : InvalidInputException
{
    public StageTransitionException()
    {
    }

    public StageTransitionException(string message)
        : base(message)
    {
    }

    public StageTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
