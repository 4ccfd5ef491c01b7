using Mlops.Core;

namespace Mlops.Cli.Commands.Serving;

/// <summary>Another process listens on the port <c>mlops serve</c> was asked to use.</summary>
public sealed class PortInUseException : InvalidInputException
{
    public PortInUseException()
    {
    }

    public PortInUseException(string message)
        : base(message)
    {
    }

    public PortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
