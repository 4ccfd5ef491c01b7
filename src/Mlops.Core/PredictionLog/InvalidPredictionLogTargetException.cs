namespace Mlops.Core.PredictionLog;

/// <summary>The prediction log was named wrongly (<c>--prediction-log</c>) or cannot be opened.</summary>
public sealed class InvalidPredictionLogTargetException : InvalidInputException
{
    public InvalidPredictionLogTargetException()
    {
    }

    public InvalidPredictionLogTargetException(string message)
        : base(message)
    {
    }

    public InvalidPredictionLogTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
