using Mlops.Core;

namespace Mlops.Cli.Stack;

/// <summary>A process of the stack could not start: a port in use, a crash at start-up (the message names its log).</summary>
public sealed class StackStartException : InvalidInputException
{
    public StackStartException()
    {
    }

    public StackStartException(string message)
        : base(message)
    {
    }

    public StackStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
