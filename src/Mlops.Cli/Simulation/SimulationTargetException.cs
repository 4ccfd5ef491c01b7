using Mlops.Core;

namespace Mlops.Cli.Simulation;

/// <summary>The prediction service or the monitor cannot be reached or does not take part: bad input for <c>mlops simulate</c>, exit 2.</summary>
public sealed class SimulationTargetException : InvalidInputException
{
    public SimulationTargetException()
    {
    }

    public SimulationTargetException(string message)
        : base(message)
    {
    }

    public SimulationTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
