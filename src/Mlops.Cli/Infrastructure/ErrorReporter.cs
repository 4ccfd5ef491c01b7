using Mlops.Core;
using Spectre.Console.Cli;

namespace Mlops.Cli.Infrastructure;

/// <summary>
/// Turns any exception that escapes a command into one line on stderr and an exit code:
/// users see what is wrong, never a stack trace (set MLOPS_DEBUG=1 to get one).
/// </summary>
public static class ErrorReporter
{
    public static int Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = Unwrap(exception);
        if (error is OperationCanceledException)
        {
            Console.Error.WriteLine("mlops: cancelled");
            return ExitCodes.Cancelled;
        }

        var badInput = error is InvalidInputException or CommandAppException or FileNotFoundException or DirectoryNotFoundException;
        // One safe line whatever the message holds: control characters escaped, at most 1,000 characters.
        var message = Excerpt.Line(error.Message);
        Console.Error.WriteLine(badInput ? $"mlops: error: {message}" : $"mlops: internal error ({error.GetType().Name}): {message}");
        if (Environment.GetEnvironmentVariable("MLOPS_DEBUG") == "1")
        {
            Console.Error.WriteLine(error.ToString());
        }

        return badInput ? ExitCodes.BadInput : ExitCodes.InternalError;
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            current = aggregate.InnerExceptions[0];
        }

        return current;
    }
}
