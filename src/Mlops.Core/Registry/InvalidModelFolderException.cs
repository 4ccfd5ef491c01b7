namespace Mlops.Core.Registry;

/// <summary>A folder given as a model that is not one: no <c>model.json</c>, or one that is not a model card.</summary>
public sealed class InvalidModelFolderException : InvalidInputException
{
    public InvalidModelFolderException()
    {
    }

    public InvalidModelFolderException(string message)
        : base(message)
    {
    }

    public InvalidModelFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
