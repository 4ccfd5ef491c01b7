using Mlops.Core;

namespace Mlops.Cli.Infrastructure;

/// <summary>A command was called with options it cannot use together or at all.</summary>
public sealed class UsageException : InvalidInputException
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
