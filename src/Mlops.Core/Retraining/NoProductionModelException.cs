namespace Mlops.Core.Retraining;

/// <summary>Retraining needs a production model to check first, and the registry has none.</summary>
public sealed class NoProductionModelException : InvalidInputException
{
    public NoProductionModelException()
    {
    }

    public NoProductionModelException(string message)
        : base(message)
    {
    }

    public NoProductionModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
