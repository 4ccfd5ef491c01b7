using Spectre.Console;

namespace Mlops.Cli.Infrastructure;

/// <summary>Output that goes to a file or a pipe is read line by line: there, a line is not wrapped at 80 columns.</summary>
public static class LogLines
{
    public static IAnsiConsole Unwrapped(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive)
        {
            console.Profile.Width = 1000;
        }

        return console;
    }
}
