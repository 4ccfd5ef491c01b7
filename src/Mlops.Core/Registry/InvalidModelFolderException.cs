namespace Mlops.Core.Registry;

/// <summary>
/// A folder given to the registry as a model that a loader would refuse (see <see cref="Models.ModelCardFile"/>);
/// the message is the loader's.
/// </summary>
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
