using Mlops.Core;

namespace Mlops.Monitoring.Ingestion;

/// <summary>A posted row the monitor cannot use; the message names the row (0-based, as in the posted array) and the column.</summary>
public sealed class BadRowException : InvalidInputException
{
    public BadRowException()
    {
    }

    public BadRowException(string message)
        : base(message)
    {
    }

    public BadRowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
