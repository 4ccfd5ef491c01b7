namespace Mlops.Core.Problems;

/// <summary>A problem file that is missing, not JSON, or describes an impossible problem: one line naming file and key.</summary>
public sealed class ProblemSchemaException : InvalidInputException
{
    public ProblemSchemaException()
    {
    }

    public ProblemSchemaException(string message)
        : base(message)
    {
    }

    public ProblemSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
