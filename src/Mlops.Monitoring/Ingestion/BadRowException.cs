using Mlops.Core;

namespace Mlops.Monitoring.Ingestion;

/// <summary>A posted row the monitor cannot use; the message names the row (0-based, as in the posted array) and the column.</summary>
public class BadRowException : InvalidInputException
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

    /// <summary>The HTTP status: 400 for rows that are not rows, 422 for an impossible value, 413 for too many rows.</summary>
    public int Status { get; init; } = 400;

    /// <summary>The problem's <c>kind</c>.</summary>
    public string Kind { get; init; } = "bad_row";
}
